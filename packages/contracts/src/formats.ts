// No zod here: the kiosk imports these, and its bundle must not carry the schemas.

/** A phone number as the contracts accept it: digits, spaces, + ( ) . -, 7 to 20 characters (after trimming). */
export const phonePattern = /^[+()\d\s.-]{7,20}$/;

/** An appointment code has this many letters and digits once normalised. */
export const appointmentCodeLength = 6;

/** An appointment code as typed or scanned (`ab3-x9k`, `AB3 X9K`) in the form the server looks up: `AB3X9K`. */
export const normalizeAppointmentCode = (typed: string): string =>
  typed.toUpperCase().replace(/[^A-Z0-9]/g, '');
