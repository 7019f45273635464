package org.haetae.evidence.custody;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.haetae.evidence.keys.SigningKey;
import org.haetae.evidence.merkle.MerkleTree;

/**
 * Proof, for a third party, that one custody entry is part of a signed log state, without giving
 * them the log: the entry line, its audit path, and the signed checkpoint whose root it leads to.
 * Checking needs SHA-256, Ed25519 and the published public key, nothing from Haetae.
 *
 * @param entryLine the entry exactly as logged
 * @param index its seq (leaf index)
 * @param treeSize leaves under the checkpoint's root
 * @param path audit path, hex, from the leaf upwards (RFC 9162 order)
 * @param checkpointLine the checkpoint entry exactly as logged
 * @param publicKey base64 X.509 Ed25519 key the checkpoint is signed with
 */
public record InclusionProof(
    String entryLine,
    long index,
    long treeSize,
    List<String> path,
    String checkpointLine,
    String publicKey) {
  private static final JsonFactory JSON = new JsonFactory();

  public InclusionProof {
    path = List.copyOf(path);
  }

  /** Builds the proof of entry {@code seq} against the first checkpoint that covers it. */
  public static InclusionProof build(Path log, long seq) throws IOException, CustodyException {
    List<byte[]> leaves = new ArrayList<>();
    String[] entryLine = new String[1];
    Entry[] checkpoint = new Entry[1];
    LogScan.Result r =
        LogScan.scan(
            log,
            e -> {
              if (checkpoint[0] != null) {
                return;
              }
              if (e.event() instanceof CustodyEvent.Checkpoint c && c.size() > seq) {
                checkpoint[0] = e;
                return;
              }
              leaves.add(MerkleTree.leafHash(HexFormat.of().parseHex(e.hash())));
              if (e.seq() == seq) {
                entryLine[0] = e.line();
              }
            });
    if (entryLine[0] == null) {
      throw new IllegalArgumentException("the log has no entry " + seq);
    }
    if (checkpoint[0] == null) {
      throw new IllegalArgumentException("no signed checkpoint covers entry " + seq + " yet");
    }
    List<String> path =
        MerkleTree.inclusionPath(leaves, (int) seq).stream()
            .map(h -> HexFormat.of().formatHex(h))
            .toList();
    return new InclusionProof(
        entryLine[0], seq, leaves.size(), path, checkpoint[0].line(), r.publicKey());
  }

  /** Null when the proof holds, else why not. */
  public String check() {
    Entry entry;
    Entry cp;
    try {
      entry = EntryCodec.decode(entryLine);
      cp = EntryCodec.decode(checkpointLine);
    } catch (EntryCodec.BadEntry e) {
      return "a line of the proof is not intact: " + e.getMessage();
    }
    if (entry.seq() != index || !(cp.event() instanceof CustodyEvent.Checkpoint c)) {
      return "proof does not name its entry and checkpoint consistently";
    }
    if (c.size() != treeSize) {
      return "tree size differs from the checkpoint's";
    }
    List<byte[]> p = path.stream().map(h -> HexFormat.of().parseHex(h)).toList();
    byte[] root = HexFormat.of().parseHex(c.root());
    byte[] leaf = MerkleTree.leafHash(HexFormat.of().parseHex(entry.hash()));
    if (!MerkleTree.verifyInclusion(leaf, index, treeSize, p, root)) {
      return "audit path does not lead to the checkpoint's root";
    }
    try {
      byte[] sig = Base64.getDecoder().decode(c.signature());
      byte[] msg = LogScan.checkpointMessage(treeSize, c.head(), c.root());
      if (!SigningKey.verify(SigningKey.publicKey(publicKey), msg, sig)) {
        return "checkpoint signature does not verify with the given key";
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return "checkpoint signature or key is malformed";
    }
    return null;
  }

  public String toJson() {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w).useDefaultPrettyPrinter()) {
      g.writeStartObject();
      g.writeStringField("format", "haetae-inclusion-proof-v1");
      g.writeStringField("entry", entryLine);
      g.writeNumberField("index", index);
      g.writeNumberField("tree_size", treeSize);
      g.writeArrayFieldStart("path");
      for (String h : path) {
        g.writeString(h);
      }
      g.writeEndArray();
      g.writeStringField("checkpoint", checkpointLine);
      g.writeStringField("public_key", publicKey);
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return w.toString();
  }

  public static InclusionProof fromJson(String json) throws IOException {
    String entry = null;
    String checkpoint = null;
    String key = null;
    long index = -1;
    long size = -1;
    List<String> path = new ArrayList<>();
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a proof");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "entry" -> entry = p.getText();
          case "checkpoint" -> checkpoint = p.getText();
          case "public_key" -> key = p.getText();
          case "index" -> index = p.getLongValue();
          case "tree_size" -> size = p.getLongValue();
          case "path" -> {
            while (p.nextToken() == JsonToken.VALUE_STRING) {
              path.add(p.getText());
            }
          }
          default -> p.skipChildren();
        }
      }
    }
    if (entry == null || checkpoint == null || key == null) {
      throw new IOException("proof lacks entry, checkpoint or public_key");
    }
    return new InclusionProof(entry, index, size, path, checkpoint, key);
  }
}
