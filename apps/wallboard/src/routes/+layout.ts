// A client-only app: the server serves the static build and the data arrives over the socket.
export const ssr = false;
export const prerender = false;
