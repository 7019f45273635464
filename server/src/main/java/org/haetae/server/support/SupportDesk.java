package org.haetae.server.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.haetae.notices.Deadline;
import org.haetae.pipeline.InputException;
import org.haetae.server.storage.NoticeStore;
import org.haetae.server.storage.ReportStore;
import org.haetae.server.storage.UserStore;
import org.haetae.server.takedowns.NoticeClock;
import org.haetae.server.users.UserRole;
import org.haetae.server.web.Missing;
import org.haetae.server.web.Pager;
import org.springframework.stereotype.Service;

/** The support centre's queue: triage, assignment, notes, and the matches found for a report. */
@Service
public class SupportDesk {
  /** Who works the queue. */
  static final Set<UserRole> STAFF = Set.of(UserRole.SUPPORT_STAFF, UserRole.ADMIN);

  private final ReportStore reports;
  private final NoticeStore notices;
  private final NoticeClock clock;
  private final UserStore users;

  public SupportDesk(ReportStore reports, NoticeStore notices, NoticeClock clock, UserStore users) {
    this.reports = reports;
    this.notices = notices;
    this.clock = clock;
    this.users = users;
  }

  /**
   * Open reports first by urgency (urgent, minors, high...), then oldest first.
   *
   * @param status one status, {@code open} for all not closed, or null for all
   */
  public List<ReportStore.QueueRow> queue(
      String status, String platform, boolean mine, String me, Pager p) {
    return reports.queue(filter(status, platform, mine, me), p.offset(), p.size());
  }

  public long queueCount(String status, String platform, boolean mine, String me) {
    return reports.queueCount(filter(status, platform, mine, me));
  }

  private static ReportStore.QueueFilter filter(
      String status, String platform, boolean mine, String me) {
    return new ReportStore.QueueFilter(status, platform, mine ? me : null);
  }

  /** How many of each listed report's notices are overdue by the notice clock (absent: none). */
  public Map<UUID, Long> overdue(List<ReportStore.QueueRow> rows) {
    Map<UUID, Long> out = new HashMap<>();
    if (rows.isEmpty()) {
      return out;
    }
    for (NoticeStore.Notice n :
        notices.waiting(rows.stream().map(ReportStore.QueueRow::id).toList())) {
      if (clock.status(n).orElse(null) == Deadline.Status.OVERDUE) {
        out.merge(n.reportId(), 1L, Long::sum);
      }
    }
    return out;
  }

  /** Triage: urgency, minors involved, platform, status, who handles it. */
  public void triage(
      UUID id,
      String urgency,
      boolean minor,
      String platform,
      String status,
      String assignee,
      String by) {
    if (!List.of("low", "normal", "high", "urgent").contains(urgency)) {
      throw new InputException("urgency is low, normal, high or urgent");
    }
    if (!List.of(
            "new", "triaged", "in_progress", "waiting_platform", "resolved", "closed", "withdrawn")
        .contains(status)) {
      throw new InputException("unknown status: " + status);
    }
    String assigned = assignee == null || assignee.isBlank() ? null : assignee.strip();
    if (assigned != null
        && !users.find(assigned).map(u -> STAFF.contains(u.role())).orElse(false)) {
      throw new InputException(assigned + " is not on the support staff");
    }
    ReportStore.Report before = reports.find(id).orElseThrow(() -> Missing.no("report"));
    reports.triage(
        id,
        new ReportStore.Triage(
            urgency,
            minor,
            platform == null || platform.isBlank() ? null : platform.strip(),
            status,
            assigned));
    reports.event(id, "triaged", urgency + (minor ? ", minor" : "") + " by " + by, false);
    if (!before.status().equals(status)) {
      reports.event(id, "status_" + status, null, true);
    }
  }

  public void note(UUID id, String author, String body) {
    if (body == null || body.isBlank()) {
      throw new InputException("the note is empty");
    }
    reports.addNote(id, author, body.strip());
  }

  /** The support staff and admins, by name. */
  public List<String> staff() {
    return users.withRole(STAFF);
  }
}
