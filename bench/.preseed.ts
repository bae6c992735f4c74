import { seededDatabase } from '/work/main/bench/api.ts';
for (const n of [100_000, 1_000_000]) console.log(await seededDatabase(n));
