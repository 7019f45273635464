package org.haetae.analysis.roles;

import java.util.List;
import org.haetae.analysis.result.Role;
import org.haetae.analysis.result.RoleClaim;

/**
 * The severity score that orders accounts in a report. It ranks; it does not judge: the weights
 * follow how the law grades the acts (making above spreading above asking above keeping), and the
 * reach of what an account did.
 *
 * <pre>
 * score = 10·creator + 6·distributor + 5·requester + 4·admin + 3·possessor + 0.5·member
 *       + 3·(victims' images it made or spread)
 *       + 2·log2(1 + matched messages it sent)
 *       + 1·log2(1 + rooms it sent them to)
 * </pre>
 */
public final class Severity {
  private Severity() {}

  public static double weight(Role role) {
    return switch (role) {
      case CREATOR -> 10;
      case DISTRIBUTOR -> 6;
      case REQUESTER -> 5;
      case ADMIN -> 4;
      case POSSESSOR -> 3;
      case MEMBER -> 0.5;
    };
  }

  public static double score(List<RoleClaim> roles, int victims, long matchedSent, int rooms) {
    double s = 0;
    for (RoleClaim r : roles) {
      s += weight(r.role());
    }
    s += 3.0 * victims;
    s += 2.0 * log2(1 + matchedSent);
    s += log2(1 + rooms);
    return Math.round(s * 100) / 100.0;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
