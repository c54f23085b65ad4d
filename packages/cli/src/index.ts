export { run, decode, withEntities, EXIT, UsageError, InputError, type Io } from "./cli.js";
