// Every page is rendered at build time into static HTML; the app needs no server.
export const prerender = true;
