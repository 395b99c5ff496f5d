import { roundHistoryCsv } from './round-history';

describe('the round history as CSV', () => {
  it('lists each round going out with its notes and time to approval, then its decisions in order', () => {
    const csv = roundHistoryCsv([
      {
        versionNumber: 1,
        wentOutAt: '2026-03-01T10:00:00.000Z',
        state: 'changes_requested',
        notesRaised: 3,
        notesAddressed: 2,
        notesStillOpen: 1,
        approvedAt: null,
        dueAt: '2026-03-02T17:00:00.000Z',
        decisions: [
          {
            by: 'Rita Reviewer',
            decision: 'changes_requested',
            at: '2026-03-01T12:00:00.000Z',
            note: 'Warmer, please',
            internalNote: null,
          },
        ],
      },
      {
        versionNumber: 3,
        wentOutAt: '2026-03-03T10:00:00.000Z',
        state: 'approved',
        notesRaised: 0,
        notesAddressed: 0,
        notesStillOpen: 0,
        approvedAt: '2026-03-03T11:30:00.000Z',
        dueAt: null,
        decisions: [
          {
            by: 'Rita Reviewer',
            decision: 'approved',
            at: '2026-03-03T11:30:00.000Z',
            note: '=HYPERLINK("x")',
            internalNote: 'Music, cleared',
          },
        ],
      },
    ]);
    expect(csv.split('\r\n')).toEqual([
      '\ufeffround,version,event,who,when,state,notes raised,notes addressed in next round,notes still open,due,hours to approval,note,internal note',
      '1,v1,went out,,2026-03-01T10:00:00.000Z,changes_requested,3,2,1,2026-03-02T17:00:00.000Z,,,',
      '1,v1,requested changes,Rita Reviewer,2026-03-01T12:00:00.000Z,,,,,,,"Warmer, please",',
      '2,v3,went out,,2026-03-03T10:00:00.000Z,approved,0,0,0,,1.5,,',
      `2,v3,approved,Rita Reviewer,2026-03-03T11:30:00.000Z,,,,,,,"'=HYPERLINK(""x"")","Music, cleared"`,
      '',
    ]);
  });
});
