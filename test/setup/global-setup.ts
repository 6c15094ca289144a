import { dropRunDatabases, prepareTemplateDatabase, testDatabaseKind } from "./databases";

export default async function globalSetup() {
  await prepareTemplateDatabase();
  console.log(`[shopdesk tests] database: ${testDatabaseKind()}`);
  return async () => {
    await dropRunDatabases();
  };
}
