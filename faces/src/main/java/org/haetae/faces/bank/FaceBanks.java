package org.haetae.faces.bank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import org.haetae.faces.embed.Descriptor;

/**
 * Face banks on disk: one file per bank, {@code NAME.facebank}, AES-256-GCM encrypted with the data
 * directory's vault key, the bank's name bound in as associated data so one bank's file cannot be
 * passed off as another's. Written to a temporary file and moved into place, so a crash leaves the
 * old bank or the new one, never half of one.
 */
public final class FaceBanks {
  static final String SUFFIX = ".facebank";
  private static final byte[] MAGIC = "HFB1".getBytes(StandardCharsets.US_ASCII);
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  private static final String FORMAT = "haetae-face-bank/1";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final SecretKey key;

  public FaceBanks(Path dir, SecretKey key) {
    this.dir = dir;
    this.key = key;
  }

  /** Throws naming the rule when {@code name} is not a valid bank name. */
  public static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a face bank name is 1-64 of a-z, 0-9, '-' and '_', starting with a letter or digit: "
              + name);
    }
    return name;
  }

  public List<String> names() throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(SUFFIX))
          .map(n -> n.substring(0, n.length() - SUFFIX.length()))
          .sorted()
          .toList();
    }
  }

  public Optional<FaceBank> find(String name) throws IOException {
    Path f = file(checkName(name));
    if (!Files.exists(f)) {
      return Optional.empty();
    }
    return Optional.of(decode(name, decrypt(name, Files.readAllBytes(f))));
  }

  /** The bank, or an empty one of that name. */
  public FaceBank openOrCreate(String name) throws IOException {
    return find(name).orElseGet(() -> new FaceBank(name, List.of()));
  }

  public void save(FaceBank bank) throws IOException {
    Files.createDirectories(dir);
    byte[] sealed = encrypt(bank.name(), JSON.writeValueAsBytes(encode(bank)));
    Path tmp = dir.resolve(bank.name() + SUFFIX + ".tmp");
    Files.write(tmp, sealed);
    try {
      Files.move(tmp, file(bank.name()), StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file(bank.name()), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Deletes the bank and every template in it. */
  public boolean delete(String name) throws IOException {
    return Files.deleteIfExists(file(checkName(name)));
  }

  private Path file(String name) {
    return dir.resolve(name + SUFFIX);
  }

  private byte[] encrypt(String name, byte[] plain) {
    byte[] sealed = Sealing.seal(key, aad(name), plain);
    return ByteBuffer.allocate(MAGIC.length + sealed.length).put(MAGIC).put(sealed).array();
  }

  private byte[] decrypt(String name, byte[] sealed) throws IOException {
    if (sealed.length < MAGIC.length + Sealing.OVERHEAD
        || !java.util.Arrays.equals(sealed, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new IOException("face bank " + name + " is not a Haetae face bank file");
    }
    try {
      return Sealing.open(key, aad(name), sealed, MAGIC.length);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new IOException(
          "face bank " + name + " cannot be opened: wrong vault key, or the file was altered");
    }
  }

  private static byte[] aad(String name) {
    return (FORMAT + "\n" + name).getBytes(StandardCharsets.UTF_8);
  }

  private static ObjectNode encode(FaceBank bank) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("name", bank.name());
    ArrayNode people = root.putArray("people");
    for (EnrolledPerson p : bank.people()) {
      ObjectNode o = people.addObject();
      o.put("id", p.id());
      o.put("label", p.label());
      o.put("enrolled_at", p.enrolledAt().toString());
      ObjectNode c = o.putObject("consent");
      c.put("basis", p.consent().basis());
      c.put("recorded_by", p.consent().recordedBy());
      c.put("at", p.consent().at().toString());
      ArrayNode faces = o.putArray("faces");
      for (EnrolledFace f : p.faces()) {
        ObjectNode fo = faces.addObject();
        fo.put("model", f.descriptor().modelId());
        ArrayNode v = fo.putArray("vector");
        for (float x : f.descriptor().vector()) {
          v.add(x);
        }
        fo.put("photo_sha256", f.photoSha256());
        fo.put("quality", f.quality());
        fo.put("at", f.at().toString());
      }
    }
    return root;
  }

  private static FaceBank decode(String name, byte[] json) throws IOException {
    JsonNode root = JSON.readTree(json);
    if (!FORMAT.equals(root.path("format").asText())) {
      throw new IOException("face bank " + name + " has unknown format " + root.path("format"));
    }
    List<EnrolledPerson> people = new ArrayList<>();
    for (JsonNode p : root.path("people")) {
      List<EnrolledFace> faces = new ArrayList<>();
      for (JsonNode f : p.path("faces")) {
        JsonNode v = f.path("vector");
        float[] vector = new float[v.size()];
        for (int i = 0; i < vector.length; i++) {
          vector[i] = (float) v.get(i).asDouble();
        }
        faces.add(
            new EnrolledFace(
                new Descriptor(f.path("model").asText(), vector),
                f.path("photo_sha256").isNull() ? null : f.path("photo_sha256").asText(null),
                f.path("quality").asDouble(),
                Instant.parse(f.path("at").asText())));
      }
      JsonNode c = p.path("consent");
      people.add(
          new EnrolledPerson(
              p.path("id").asText(),
              p.path("label").asText(),
              new Consent(
                  c.path("basis").asText(),
                  c.path("recorded_by").asText(),
                  Instant.parse(c.path("at").asText())),
              Instant.parse(p.path("enrolled_at").asText()),
              faces));
    }
    return new FaceBank(name, people);
  }
}
