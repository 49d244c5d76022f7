// `server-only` for the server bundle (./bundle.ts): code that reaches it there runs on the server.
export {};
