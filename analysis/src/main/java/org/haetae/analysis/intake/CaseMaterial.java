package org.haetae.analysis.intake;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.haetae.analysis.actors.ActorBook;
import org.haetae.analysis.media.MediaFacts;
import org.haetae.analysis.media.MediaMatch;
import org.haetae.analysis.requests.RequestJudge;
import org.haetae.analysis.result.MessageRef;
import org.haetae.analysis.rooms.Room;
import org.haetae.analysis.rooms.RoomBook;
import org.haetae.analysis.rooms.RoomPart;

/**
 * Everything read from a case's exports, merged and resolved: what the role, spread and graph
 * stages work from.
 *
 * @param posts kept messages, each once even when two exports hold it, oldest first
 * @param forwardedFrom per post (same index), the actor a forward came from, or -1
 * @param author per post, the actor a channel signature names, or -1
 * @param media SHA-256 to what is known of the file
 * @param matches SHA-256 to the bank entries it matched (only matched files)
 * @param clusters SHA-256 to near-duplicate cluster
 * @param owners export id to the exporting account (account exports only)
 * @param requests keys ({@link #key}) of the posts found to be requests, with why
 * @param invited per actor, the rooms it was invited to or joined by name only (by service names)
 */
public record CaseMaterial(
    RoomBook rooms,
    ActorBook actors,
    List<Post> posts,
    int[] forwardedFrom,
    int[] author,
    Map<String, MediaFacts> media,
    Map<String, List<MediaMatch>> matches,
    Map<String, Integer> clusters,
    Map<String, Integer> owners,
    Map<String, RequestJudge.Finding> requests,
    Map<Integer, BitSet> invited) {

  public Room room(Post p) {
    return rooms.of(p.part());
  }

  /** {@code ROOM#ID}: identifies a message across exports. */
  public String key(Post p) {
    return key(room(p), p.id());
  }

  public static String key(Room room, Long id) {
    return room.key() + "#" + id;
  }

  public MessageRef ref(Post p) {
    return new MessageRef(room(p).key(), p.id(), p.date(), p.part().export());
  }

  public MessageRef ref(RoomPart part, Long id, long date) {
    return new MessageRef(rooms.of(part).key(), id, date, part.export());
  }

  public boolean matched(Post p) {
    for (String sha : p.media()) {
      if (matches.containsKey(sha)) {
        return true;
      }
    }
    return false;
  }

  public String actorKey(int idx) {
    return idx < 0 ? null : actors.get(idx).key();
  }
}
