package org.haetae.demo.investigation;

/**
 * The dates of the case (Korea time): when the rooms opened, when the undercover investigator and
 * the English-room investigator exported their chats, when the suspect's phone was seized and
 * exported, and when the suspect joined the big group (his export of it starts there).
 */
record Timeline(
    long caseStart,
    long ownerJoinsBigGroup,
    long undercoverExport,
    long englishExport,
    long seizure) {

  static Timeline of2024() {
    return new Timeline(
        ActivityClock.kst(2023, 12, 1, 20, 0),
        ActivityClock.kst(2024, 6, 1, 20, 13),
        ActivityClock.kst(2024, 8, 20, 23, 40),
        ActivityClock.kst(2024, 8, 28, 15, 5),
        ActivityClock.kst(2024, 9, 5, 10, 20));
  }
}
