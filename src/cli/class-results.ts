// A class's report from its folder: every student's save replayed (its hash checked) and, for a finished game,
// debriefed — the moves rated against waiting, what they heard and told. Read by `debrief CLASS_DIR` and by
// the teacher's dashboard when the lesson ends.
import { existsSync } from 'node:fs';
import { buildDebrief } from '../analysis/debrief/build.js';
import { classReport, type ClassReport, type StudentGame } from '../engine/class-report.js';
import { impactsByParty } from '../engine/move-impact.js';
import { authentic, loadClass, studentSavePath } from './class-store.js';
import { loadGame } from './scenario-arg.js';
import { loadSave } from './save-load.js';
import { rebuildLog } from './save-store.js';

export function classReportOf(dir: string): ClassReport {
  const plan = loadClass(dir);
  const { game } = loadGame(plan.scenario.path ?? plan.scenario.id);
  return classReport(game, plan, (table, name): StudentGame => {
    const path = studentSavePath(dir, table, name);
    if (!existsSync(path)) return { kind: 'none' };
    try {
      const { save, world, loaded } = loadSave(path, plan.scenario.path ?? plan.scenario.id, 'debrief');
      if (world.outcome === undefined) return { kind: 'game', world, authentic: authentic(dir, save) };
      const log = rebuildLog(loaded.game, save.seed, save.commands);
      const impacts = impactsByParty(loaded.game, save.seed, save.commands, save.humans);
      const debrief = buildDebrief(loaded.game, world, save.commands, log, { humans: save.humans, impacts });
      return { kind: 'game', world, authentic: authentic(dir, save), debrief };
    } catch (error) {
      return { kind: 'unreadable', problem: (error as Error).message };
    }
  });
}
