package org.haetae.telegram.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a service message records. Unknown actions are kept by name; their other fields stay in the
 * message's raw JSON.
 *
 * @param action e.g. {@code create_group}, {@code invite_members}, {@code pin_message}; null for a
 *     custom action that only has {@code information_text}
 * @param actor the actor's display name (null for deleted accounts)
 * @param members display names for create_group / invite_members / remove_members
 * @param messageId the pinned message of pin_message
 * @param inviter the inviter of join_group_by_link
 */
public record ServiceAction(
    String action,
    String actor,
    PeerId actorId,
    String title,
    List<String> members,
    Long messageId,
    String inviter,
    Long period,
    String informationText) {
  public ServiceAction {
    // Deleted accounts appear as null names, which List.copyOf would refuse.
    members = Collections.unmodifiableList(new ArrayList<>(members));
  }
}
