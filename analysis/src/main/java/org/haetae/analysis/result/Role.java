package org.haetae.analysis.result;

import java.util.Locale;

/**
 * What an account did. The law treats these differently (making, spreading and keeping deepfake
 * sexual material are separate offences), so each role is claimed with the messages that earned it.
 */
public enum Role {
  /** First to post content that appears nowhere earlier, or answered a request with new content. */
  CREATOR,
  /** Asked for content of a named or pictured person. */
  REQUESTER,
  /** Posted or forwarded matched content. */
  DISTRIBUTOR,
  /** Created or administers a room (created it, pinned, edited it, posted as the channel). */
  ADMIN,
  /** Kept a copy: saved messages, downloaded media in the account's own export. */
  POSSESSOR,
  /** Present only: joined, was invited, or wrote without any other role. */
  MEMBER;

  /** Lower-case word used in reports and ground-truth files. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role ofCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
