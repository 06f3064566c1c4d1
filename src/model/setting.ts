// The words the game uses for what is at stake without a deal: a war that goes on (the default), or a dispute in
// peacetime (talks like Camp David, a trade dispute). A scenario says which with `meta.setting`; the rules' log
// lines, the AI's reasons and the screens take their words from here, so a peacetime scenario never says "war".
export type Setting = 'war' | 'peace';

export interface SettingWords {
  /** "the war goes on" */
  goesOn: string;
  /** "the war going on", as in "No deal — the war going on — is worth…" */
  goingOn: string;
  /** "the war is over on these terms" */
  over: string;
  /** "the war resumed" */
  resumed: string;
  /** "it moves with the war" */
  movesWith: string;
}

const WORDS: Record<Setting, SettingWords> = {
  war: { goesOn: 'the war goes on', goingOn: 'the war going on', over: 'the war is over on these terms', resumed: 'the war resumed', movesWith: 'it moves with the war' },
  peace: {
    goesOn: 'the dispute goes on',
    goingOn: 'the dispute going on',
    over: 'the dispute is settled on these terms',
    resumed: 'the dispute broke out again',
    movesWith: 'it moves with events',
  },
};

export const settingWords = (setting: Setting | undefined): SettingWords => WORDS[setting ?? 'war'];
