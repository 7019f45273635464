package org.haetae.evidence.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * The Ed25519 key pair that signs custody checkpoints. Stored as two base64 lines (PKCS#8 private,
 * X.509 public) in an owner-only file created on first use; the public half is also written into
 * each case so anyone can check the signatures.
 */
public final class SigningKey {
  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  private SigningKey(PrivateKey privateKey, PublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  public static SigningKey load(Path file) throws IOException {
    if (!Files.exists(file)) {
      try {
        KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Base64.Encoder b64 = Base64.getEncoder();
        KeyFiles.createSecret(
            file,
            b64.encodeToString(kp.getPrivate().getEncoded())
                + "\n"
                + b64.encodeToString(kp.getPublic().getEncoded())
                + "\n");
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("Ed25519 is part of every Java 15+ runtime", e);
      }
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
    try {
      KeyFactory f = KeyFactory.getInstance("Ed25519");
      PrivateKey priv =
          f.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines.get(0))));
      return new SigningKey(priv, publicKey(lines.get(1)));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IOException("signing key file " + file + " is damaged", e);
    }
  }

  /** A public key from its base64 X.509 form. */
  public static PublicKey publicKey(String base64) throws GeneralSecurityException {
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (IllegalArgumentException e) {
      throw new GeneralSecurityException("not base64", e);
    }
  }

  public String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(publicKey.getEncoded());
  }

  public byte[] sign(byte[] message) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(privateKey);
      s.update(message);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(key);
      s.update(message);
      return s.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
