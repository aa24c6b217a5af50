import type { Language, RoomStatus } from '@clinicflow/domain';

const hoursMinutes = (minutes: number, h: string) =>
  `${Math.floor(minutes / 60)} ${h} ${String(minutes % 60).padStart(2, '0')}`;

/** Every string the wallboard shows. Add a language by adding a catalog with the same keys. */
export const en = {
  nowCalling: 'Now calling',
  nobodyCalled: 'Please wait to be called',
  goTo: (room: string) => `Room ${room}`,
  waiting: 'Waiting',
  nobodyWaiting: 'No one is waiting',
  about: (minutes: number) => (minutes > 0 ? `about ${minutes} min` : 'soon'),
  recentlyCalled: 'Recently called',
  nobodyRecent: 'No calls yet',
  rooms: 'Rooms',
  noRooms: 'No rooms to show',
  page: (page: number, pages: number) => `Page ${page} of ${pages}`,
  overLimit: (limit: number) => `over ${limit} min`,
  staleNotice: 'The information below may be out of date.',
  notice: 'Notice',
  /** "Dr. Feld is running about 20 minutes late" */
  delay: (name: string, minutes: number) => `${name} is running about ${minutes} minutes late`,
  equipmentOut: (name: string) => `${name} out of service`,
  roomStatus: {
    available: 'Available',
    occupied: 'Occupied',
    needs_cleaning: 'Needs cleaning',
    out_of_service: 'Out of service',
  } satisfies Record<RoomStatus, string>,
  /** Spoken, so a ticket is spelled out by the caller: "Ticket A 0 2 3, please go to Room 3." */
  announce: (who: string, isTicket: boolean, room: string) =>
    `${isTicket ? `Ticket ${who}` : who}, please go to ${room}.`,
  connecting: 'Connecting to the clinic…',
  duration: (minutes: number) => (minutes < 60 ? `${minutes} min` : hoursMinutes(minutes, 'h')),
  pairing: {
    title: 'Set up this display',
    instructions: 'An administrator enters this code in Clinicflow\u00a0Console\u00a0→\u00a0Devices',
    waiting: 'Getting a code…',
    expiresIn: (minutes: number) =>
      minutes < 1
        ? 'A new code appears in less than a minute.'
        : `This code changes in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    offline: 'Cannot reach the Clinicflow server. Trying again…',
    rateLimited: 'Too many codes were asked for. A new one will appear shortly.',
    wrongTypeTitle: 'This screen is set up as a check-in kiosk',
    wrongType: (name: string) =>
      `It was paired as “${name}”. To use it as a display, an administrator removes it in Clinicflow\u00a0Console\u00a0→\u00a0Devices; it then shows a new code.`,
  },
  connection: {
    live: 'Live',
    connecting: 'Connecting…',
    offline: 'Not live',
    notLiveSince: (time: string) => `Not live since ${time}`,
  },
};

export type Messages = typeof en;

export const es: Messages = {
  nowCalling: 'Llamando ahora',
  nobodyCalled: 'Espere a que le llamen',
  goTo: (room) => `Sala ${room}`,
  waiting: 'En espera',
  nobodyWaiting: 'No hay nadie esperando',
  about: (minutes) => (minutes > 0 ? `unos ${minutes} min` : 'pronto'),
  recentlyCalled: 'Llamados recientemente',
  nobodyRecent: 'Todavía no hay llamadas',
  rooms: 'Salas',
  noRooms: 'No hay salas que mostrar',
  page: (page, pages) => `Página ${page} de ${pages}`,
  overLimit: (limit) => `más de ${limit} min`,
  staleNotice: 'La información de abajo puede no estar al día.',
  notice: 'Aviso',
  delay: (name, minutes) => `${name} lleva unos ${minutes} minutos de retraso`,
  equipmentOut: (name) => `${name} fuera de servicio`,
  roomStatus: {
    available: 'Disponible',
    occupied: 'Ocupada',
    needs_cleaning: 'Necesita limpieza',
    out_of_service: 'Fuera de servicio',
  },
  announce: (who, isTicket, room) => `${isTicket ? `Turno ${who}` : who}, por favor pase a la ${room}.`,
  connecting: 'Conectando con la clínica…',
  duration: (minutes) => (minutes < 60 ? `${minutes} min` : hoursMinutes(minutes, 'h')),
  pairing: en.pairing,
  connection: {
    live: 'En directo',
    connecting: 'Conectando…',
    offline: 'Sin conexión',
    notLiveSince: (time) => `Sin conexión desde las ${time}`,
  },
};

export const vi: Messages = {
  nowCalling: 'Đang gọi',
  nobodyCalled: 'Vui lòng chờ được gọi',
  goTo: (room) => `Phòng ${room}`,
  waiting: 'Đang chờ',
  nobodyWaiting: 'Không có ai đang chờ',
  about: (minutes) => (minutes > 0 ? `khoảng ${minutes} phút` : 'sắp đến lượt'),
  recentlyCalled: 'Vừa gọi',
  nobodyRecent: 'Chưa gọi ai',
  rooms: 'Phòng',
  noRooms: 'Không có phòng nào để hiển thị',
  page: (page, pages) => `Trang ${page}/${pages}`,
  overLimit: (limit) => `quá ${limit} phút`,
  staleNotice: 'Thông tin bên dưới có thể chưa được cập nhật.',
  notice: 'Thông báo',
  delay: (name, minutes) => `${name} đang trễ khoảng ${minutes} phút`,
  equipmentOut: (name) => `${name} đang hỏng`,
  roomStatus: {
    available: 'Trống',
    occupied: 'Có người',
    needs_cleaning: 'Cần dọn dẹp',
    out_of_service: 'Ngừng sử dụng',
  },
  announce: (who, isTicket, room) => `${isTicket ? `Số ${who}` : who}, xin mời vào ${room}.`,
  connecting: 'Đang kết nối với phòng khám…',
  duration: (minutes) => (minutes < 60 ? `${minutes} phút` : hoursMinutes(minutes, 'giờ')),
  pairing: en.pairing,
  connection: {
    live: 'Trực tiếp',
    connecting: 'Đang kết nối…',
    offline: 'Mất kết nối',
    notLiveSince: (time) => `Mất kết nối từ ${time}`,
  },
};

export const catalogs: Record<Language, Messages> = { en, es, vi };

export const messagesFor = (language: Language): Messages => catalogs[language];

/** The pairing screen (shown before any settings arrive) and anything outside a board. */
export const messages = en;
