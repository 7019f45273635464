package org.haetae.analysis.roles;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.haetae.analysis.actors.ActorBook;
import org.haetae.analysis.intake.CaseMaterial;
import org.haetae.analysis.intake.Post;
import org.haetae.analysis.media.MediaMatch;
import org.haetae.analysis.requests.RequestJudge;
import org.haetae.analysis.result.MessageRef;
import org.haetae.analysis.result.Role;
import org.haetae.analysis.result.RoleClaim;
import org.haetae.analysis.rooms.Room;
import org.haetae.analysis.rooms.RoomPart;

/**
 * Finds who did what, from the messages alone. Each rule is written so a person can check it
 * against the messages it cites; docs/analysis.md states the rules in words.
 */
public final class RoleFinder {
  /** Messages cited per role; the count of all of them is kept beside. */
  static final int CITED = 20;

  // Service actions only a room's owner or administrators can perform.
  private static final Set<String> ADMIN_ACTIONS =
      Set.of(
          "create_group",
          "create_channel",
          "migrate_to_supergroup",
          "edit_group_title",
          "edit_group_photo",
          "delete_group_photo",
          "pin_message",
          "remove_members",
          "edit_chat_theme",
          "set_messages_ttl");

  private static final Set<String> PRESENCE_ACTIONS =
      Set.of("join_group_by_link", "join_group_by_request", "invite_members");

  private final CaseMaterial m;
  private final Map<Integer, Map<Role, Claim>> claims = new HashMap<>();
  // Facts the severity score weighs, per actor.
  private final Map<Integer, Set<String>> victims = new HashMap<>();
  private final Map<Integer, Set<String>> roomsReached = new HashMap<>();
  private final Map<Integer, Long> matchedSent = new HashMap<>();

  private static final class Claim {
    final Role role;
    final Set<String> reasons = new LinkedHashSet<>();
    final List<MessageRef> evidence = new ArrayList<>();
    final Set<String> cited = new HashSet<>();
    long count;

    Claim(Role role) {
      this.role = role;
    }
  }

  private final Map<Post, Integer> index = new java.util.IdentityHashMap<>();

  public RoleFinder(CaseMaterial material) {
    this.m = material;
    for (int i = 0; i < material.posts().size(); i++) {
      index.put(material.posts().get(i), i);
    }
  }

  /** Every actor's roles, most severe first. */
  public Map<Integer, List<RoleClaim>> find() {
    creators();
    requesters();
    distributors();
    admins();
    possessors();
    members();
    Map<Integer, List<RoleClaim>> out = new HashMap<>();
    for (Map.Entry<Integer, Map<Role, Claim>> e : claims.entrySet()) {
      List<RoleClaim> list = new ArrayList<>();
      for (Claim c : e.getValue().values()) {
        list.add(new RoleClaim(c.role, String.join("; ", c.reasons), c.evidence, c.count));
      }
      out.put(e.getKey(), list);
    }
    return out;
  }

  /** The severity score of an actor with these roles (see {@link Severity}). */
  public double score(int actor, List<RoleClaim> roles) {
    return Severity.score(
        roles,
        victims.getOrDefault(actor, Set.of()).size(),
        matchedSent.getOrDefault(actor, 0L),
        roomsReached.getOrDefault(actor, Set.of()).size());
  }

  private void claim(int actor, Role role, String reason, MessageRef... refs) {
    if (actor < 0) {
      return;
    }
    Claim c =
        claims
            .computeIfAbsent(actor, a -> new EnumMap<>(Role.class))
            .computeIfAbsent(role, Claim::new);
    if (c.reasons.size() < 5) {
      c.reasons.add(reason);
    } else if (c.reasons.size() == 5) {
      c.reasons.add("and more");
    }
    for (MessageRef r : refs) {
      if (r != null && c.cited.add(r.label())) {
        c.count++;
        if (c.evidence.size() < CITED) {
          c.evidence.add(r);
        }
      }
    }
  }

  /**
   * The first post (not a forward) of a victim's image, and new pictures posted in answer to a
   * request. An image is new when nothing in its near-duplicate cluster was posted earlier.
   */
  private void creators() {
    Map<String, Post> firstOfEntry = new HashMap<>();
    Map<Integer, Post> firstOfCluster = new HashMap<>();
    for (Post p : m.posts()) {
      for (String sha : p.media()) {
        for (MediaMatch mm : m.matches().getOrDefault(sha, List.of())) {
          firstOfEntry.putIfAbsent(mm.entryKey(), p);
        }
        Integer c = m.clusters().get(sha);
        if (c != null) {
          firstOfCluster.putIfAbsent(c, p);
        }
      }
    }
    for (Map.Entry<String, Post> e : firstOfEntry.entrySet()) {
      Post p = e.getValue();
      if (!p.forwarded() && !m.room(p).savedMessages()) {
        int actor = poster(p);
        claim(
            actor,
            Role.CREATOR,
            "first to post victim image " + e.getKey() + " (no earlier appearance in the case)",
            m.ref(p));
        victims.computeIfAbsent(actor, a -> new TreeSet<>()).add(e.getKey());
      }
    }
    Map<String, Post> byKey = new HashMap<>();
    for (Post p : m.posts()) {
      if (p.id() != null) {
        byKey.put(m.key(p), p);
      }
    }
    for (Post p : m.posts()) {
      if (p.forwarded() || p.replyTo() == null || p.media().isEmpty()) {
        continue;
      }
      String requestKey = CaseMaterial.key(m.room(p), p.replyTo());
      if (!m.requests().containsKey(requestKey)) {
        continue;
      }
      boolean fresh = false;
      for (String sha : p.media()) {
        Integer c = m.clusters().get(sha);
        fresh |= c != null && firstOfCluster.get(c) == p;
      }
      Post request = byKey.get(requestKey);
      if (fresh && (request == null || request.sender() != p.sender())) {
        claim(
            poster(p),
            Role.CREATOR,
            "answered a request with a picture not seen earlier in the case",
            m.ref(p),
            request == null ? null : m.ref(request));
      }
    }
  }

  private void requesters() {
    for (Post p : m.posts()) {
      RequestJudge.Finding f = p.id() == null ? null : m.requests().get(m.key(p));
      if (f != null) {
        claim(p.sender(), Role.REQUESTER, f.reason(), m.ref(p));
      }
    }
  }

  /** Who sent matched media, as a post or a forward; a channel post counts for its signer too. */
  private void distributors() {
    for (Post p : m.posts()) {
      if (!m.matched(p) || m.room(p).savedMessages()) {
        continue;
      }
      Set<String> entries = new TreeSet<>();
      for (String sha : p.media()) {
        for (MediaMatch mm : m.matches().getOrDefault(sha, List.of())) {
          entries.add(mm.entryKey());
        }
      }
      String what = p.forwarded() ? "forwarded" : "posted";
      for (int actor : posters(p)) {
        claim(actor, Role.DISTRIBUTOR, what + " matched media", m.ref(p));
        victims.computeIfAbsent(actor, a -> new TreeSet<>()).addAll(entries);
        roomsReached.computeIfAbsent(actor, a -> new TreeSet<>()).add(m.room(p).key());
        matchedSent.merge(actor, 1L, Long::sum);
      }
    }
  }

  private void admins() {
    for (int i = 0; i < m.posts().size(); i++) {
      Post p = m.posts().get(i);
      if (p.action() != null && ADMIN_ACTIONS.contains(p.action()) && !leaving(p)) {
        claim(
            p.actionActor() >= 0 ? p.actionActor() : p.sender(),
            Role.ADMIN,
            adminReason(p.action()) + " in " + roomName(m.room(p)),
            m.ref(p));
      }
      int signer = m.author()[i];
      if (signer >= 0 && m.room(p).channel() && !m.actors().get(signer).namedOnly()) {
        claim(
            signer, Role.ADMIN, "posts as channel " + roomName(m.room(p)) + " (signed)", m.ref(p));
      }
    }
  }

  /** Telegram records a member leaving a group as that member removing themself. */
  private boolean leaving(Post p) {
    if (!"remove_members".equals(p.action()) || p.actionActor() < 0) {
      return false;
    }
    for (String name : p.actionNames()) {
      if (m.actors().byName(name) != p.actionActor()) {
        return false;
      }
    }
    return true;
  }

  private static String adminReason(String action) {
    return switch (action) {
      case "create_group", "create_channel" -> "created the room";
      case "pin_message" -> "pinned a message";
      case "remove_members" -> "removed members";
      case "migrate_to_supergroup" -> "converted the room";
      default -> "changed the room (" + action + ")";
    };
  }

  private static String roomName(Room r) {
    return r.name() == null ? r.key() : "\"" + r.name() + "\"";
  }

  /**
   * The owner of an account export holds every matched file it downloaded; Saved Messages with
   * matched media are kept copies by definition.
   */
  private void possessors() {
    for (Post p : m.posts()) {
      Integer owner = m.owners().get(p.part().export());
      if (owner == null || owner < 0 || !m.matched(p)) {
        continue;
      }
      claim(
          owner,
          Role.POSSESSOR,
          m.room(p).savedMessages()
              ? "kept matched media in Saved Messages"
              : "the account's own export holds matched media it downloaded",
          m.ref(p));
    }
  }

  /** Accounts present in a room with no other role, and names invited to one. */
  private void members() {
    ActorBook actors = m.actors();
    Map<Integer, MessageRef> presence = new HashMap<>();
    for (Post p : m.posts()) {
      if (p.action() != null && PRESENCE_ACTIONS.contains(p.action())) {
        if (p.actionActor() >= 0) {
          presence.putIfAbsent(p.actionActor(), m.ref(p));
        }
        // Invited by name: cited by the service message that names them.
        for (String name : p.actionNames()) {
          int who = actors.byName(name);
          if (who >= 0) {
            presence.putIfAbsent(who, m.ref(p));
          }
        }
      }
    }
    for (Map.Entry<Integer, java.util.BitSet> e : m.invited().entrySet()) {
      presence.putIfAbsent(e.getKey(), null);
    }
    for (int i = 0; i < actors.size(); i++) {
      ActorBook.Actor a = actors.get(i);
      // A name that only a service message's member list gives (invited, never posting) is a
      // member too, listed by name; other named-only actors (forward sources) are not.
      boolean invitedByName = a.namedOnly() && m.invited().containsKey(i);
      if (claims.containsKey(i)
          || !invitedByName && (a.namedOnly() || !a.key().startsWith("user"))) {
        continue;
      }
      MessageRef ref = presence.get(i);
      if (ref == null && a.firstPart() instanceof RoomPart part) {
        ref = m.ref(part, a.firstId(), a.firstDate());
      }
      if (ref == null && !presence.containsKey(i)) {
        continue;
      }
      claim(i, Role.MEMBER, "present in the case's rooms with no other role", ref);
    }
  }

  /** Who a post counts for: its sender, or, for a channel post, the channel's signer. */
  private int poster(Post p) {
    int signer = m.author()[index.get(p)];
    return signer >= 0 && !m.actors().get(signer).namedOnly() ? signer : p.sender();
  }

  private int[] posters(Post p) {
    int poster = poster(p);
    return poster == p.sender() || p.sender() < 0
        ? new int[] {poster}
        : new int[] {p.sender(), poster};
  }
}
