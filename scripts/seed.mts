// `npm run db:seed`: loads the demo data into DATABASE_URL (or the embedded database) when it is empty.
// This is the explicit way to seed a server you run yourself; `npm start` only seeds its embedded one.
import { seedDemo } from "@/lib/seed/seed-demo";
import { withAppDatabase } from "./lib/database";

await withAppDatabase(async (db) => {
  const { seeded } = await seedDemo(db);
  console.log(seeded ? "Demo data loaded." : "The database already has data: nothing seeded.");
}, console.log);
