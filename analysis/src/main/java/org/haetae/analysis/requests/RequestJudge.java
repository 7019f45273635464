package org.haetae.analysis.requests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.haetae.analysis.intake.Post;

/**
 * Decides which asking messages are requests, weighing what each says ({@link RequestReading}) with
 * its context: the room it was sent in and the posts that answered it.
 *
 * <p>A message is a request when it asks, is not legitimate talk (a guard: news, law, retouching,
 * pets and logos, room notices; news, law and notices always, the others unless explicit words name
 * a person), is about someone (a target, a picture, or an answer), and its weights reach 1:
 *
 * <pre>
 * act (lexicon words by weight, at least 0.3 for an ask on a verb of making, editing, doing)
 * + target (0.4 for a described person: relation, school or workplace, social-media pictures, a
 *           masked name, personal details, a mention; 0.6 for two kinds or more)
 * + 0.3 a picture attached, or the message replies to one
 * + 0.4 the room carries matched material
 * + 1.0 answered with matched media, or 0.5 answered with a picture seen nowhere earlier in the case
 * </pre>
 *
 * An answer is a reply to the message, or (when the message names someone, points at a picture or
 * words an edit) a post with media among the next five messages of the room within the hour, by
 * someone else. Everyday words are decided by context, never alone: an ask on "make" or "do" weighs
 * 0.3 and needs a target and context to reach 1.
 */
public final class RequestJudge {
  static final double THRESHOLD = 1.0;
  static final double PICTURE = 0.3;
  static final double ROOM = 0.4;
  static final double ANSWER_MATCHED = 1.0;
  static final double ANSWER_NEW = 0.5;
  static final int NEXT_MESSAGES = 5;
  static final long NEXT_SECONDS = 3600;

  /** A request as decided, with the reason a reviewer reads. */
  public record Finding(String reason, boolean byContext) {}

  private RequestJudge() {}

  /**
   * @param posts the case's kept posts, oldest first
   * @param key a post's case-wide key ({@code ROOM#ID}), or null when it has no id
   * @param room a post's room key
   * @param saved true for posts in Saved Messages
   * @param matched true for posts carrying matched media
   * @param cluster a file's near-duplicate cluster, or null
   * @return per request's key, why it is one
   */
  public static Map<String, Finding> judge(
      List<Post> posts,
      Function<Post, String> key,
      Function<Post, String> room,
      Predicate<Post> saved,
      Predicate<Post> matched,
      Function<String, Integer> cluster) {
    Set<String> tradingRooms = new HashSet<>();
    Map<Object, Post> firstSeen = new HashMap<>();
    Map<String, List<Post>> replies = new HashMap<>();
    Map<String, List<Integer>> byRoom = new HashMap<>();
    for (int i = 0; i < posts.size(); i++) {
      Post p = posts.get(i);
      String r = room.apply(p);
      if (matched.test(p) && !saved.test(p)) {
        tradingRooms.add(r);
      }
      for (String sha : p.media()) {
        Integer c = cluster.apply(sha);
        firstSeen.putIfAbsent(c == null ? sha : c, p);
      }
      if (p.replyTo() != null) {
        replies.computeIfAbsent(r + "#" + p.replyTo(), k -> new ArrayList<>()).add(p);
      }
      byRoom.computeIfAbsent(r, k -> new ArrayList<>()).add(i);
    }
    Map<String, Integer> position = new HashMap<>();
    for (List<Integer> l : byRoom.values()) {
      for (int j = 0; j < l.size(); j++) {
        position.put(key.apply(posts.get(l.get(j))), j);
      }
    }
    Map<String, Finding> out = new LinkedHashMap<>();
    for (Post p : posts) {
      RequestReading rd = p.reading();
      String k = key.apply(p);
      if (rd == null || k == null) {
        continue;
      }
      String r = room.apply(p);
      List<Post> answers = new ArrayList<>(replies.getOrDefault(k, List.of()));
      List<Integer> inRoom = byRoom.get(r);
      Integer at = position.get(k);
      // The next posts count as answers only to a message that names someone, points at a picture
      // or words an edit: "노래 추천 좀" followed by someone's photo is no request.
      boolean answerable = rd.target() > 0 || rd.picture() || rd.act() >= 0.5;
      for (int j = at + 1; answerable && at != null && j < inRoom.size(); j++) {
        Post n = posts.get(inRoom.get(j));
        if (n.id() == null
            || n.id() > p.id() + NEXT_MESSAGES
            || n.date() > p.date() + NEXT_SECONDS) {
          break;
        }
        // A post that asks itself, or answers another message, is not this one's answer.
        boolean elsewhere = n.replyTo() != null && !n.replyTo().equals(p.id());
        if (n.reading() == null && !elsewhere && !answers.contains(n)) {
          answers.add(n);
        }
      }
      Post answeredMatched = null;
      Post answeredNew = null;
      for (Post a : answers) {
        if (a.sender() == p.sender() || a.media().isEmpty()) {
          continue;
        }
        if (matched.test(a)) {
          answeredMatched = answeredMatched == null ? a : answeredMatched;
        } else if (!a.forwarded()) {
          for (String sha : a.media()) {
            Integer c = cluster.apply(sha);
            if (firstSeen.get(c == null ? sha : c) == a && answeredNew == null) {
              answeredNew = a;
            }
          }
        }
      }
      Finding f = decide(rd, tradingRooms.contains(r), answeredMatched, answeredNew, room);
      if (f != null) {
        out.put(k, f);
      }
    }
    return out;
  }

  private static Finding decide(
      RequestReading rd,
      boolean tradingRoom,
      Post answeredMatched,
      Post answeredNew,
      Function<Post, String> room) {
    boolean talk =
        rd.guards().stream()
            .anyMatch(g -> g.startsWith("news") || g.startsWith("law") || g.startsWith("a room"));
    if (talk || !rd.guards().isEmpty() && !(rd.explicit() && rd.target() > 0)) {
      return null;
    }
    double words = rd.act() + rd.target() + (rd.picture() ? PICTURE : 0);
    List<String> context = new ArrayList<>();
    double ctx = 0;
    if (answeredMatched != null) {
      ctx += ANSWER_MATCHED;
      context.add("answered with matched media (" + ref(answeredMatched, room) + ")");
    } else if (answeredNew != null && (tradingRoom || rd.act() >= 0.5 || rd.target() > 0)) {
      // In an ordinary room people share new photos all the time: a new picture answers an
      // everyday ask only where matched material is traded or the ask names or words an edit.
      ctx += ANSWER_NEW;
      context.add("answered with a picture seen nowhere earlier (" + ref(answeredNew, room) + ")");
    }
    boolean aboutSomeone = rd.target() > 0 || rd.picture() || !context.isEmpty();
    if (tradingRoom && (words < THRESHOLD || !aboutSomeone)) {
      ctx += ROOM;
      context.add("the room carries matched material");
    }
    if (!(aboutSomeone || tradingRoom && rd.act() >= 0.5)) {
      return null;
    }
    if (words + ctx < THRESHOLD) {
      return null;
    }
    boolean byContext = words < THRESHOLD || !(rd.target() > 0 || rd.picture());
    StringBuilder sb = new StringBuilder("asked for material of a named or pictured person: ");
    sb.append(rd.ask().describe());
    sb.append("; words: ")
        .append(rd.actWords().isEmpty() ? "everyday wording" : String.join(", ", rd.actWords()));
    List<String> about = new ArrayList<>(rd.targets());
    if (rd.picture()) {
      about.add("a picture attached or replied to");
    }
    if (!about.isEmpty()) {
      sb.append("; about: ").append(String.join("; ", about));
    }
    if (byContext) {
      sb.append("; by context: ").append(String.join("; ", context));
    }
    return new Finding(sb.toString(), byContext);
  }

  private static String ref(Post p, Function<Post, String> room) {
    return room.apply(p) + "#" + p.id();
  }
}
