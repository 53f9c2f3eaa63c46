// `npm run build`: a production build of the current sources, stamped so `npm start` will not rebuild it.
import { ensureBuild } from "./lib/ensure-build";

await ensureBuild();
