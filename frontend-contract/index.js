// The ES module entry of the client; the implementation is index.cjs (one copy, for ES modules and CommonJS alike).
import cruddur from "./index.cjs";

export const { createCruddurClient, openNotificationStream } = cruddur;
