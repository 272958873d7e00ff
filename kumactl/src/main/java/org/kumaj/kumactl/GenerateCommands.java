package org.kumaj.kumactl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kumaj.model.GoDuration;
import org.kumaj.model.validation.GoStrings;
import org.kumaj.pki.CertificateUsage;
import org.kumaj.pki.Certificates;
import org.kumaj.pki.KeyAndCertificate;
import org.kumaj.pki.KeyType;
import org.kumaj.pki.Pem;

/**
 * {@code kumactl generate}: dataplane, zone and user tokens (issued by the control plane, or
 * offline with {@code --signing-key-path} and {@code --kid}, signed RS256 like Kuma's issuer),
 * signing keys, public keys and self-signed TLS certificates.
 */
final class GenerateCommands {
  /** The one-line description shown in {@code kumactl --help}. */
  static final String SHORT = "Generate resources, tokens, etc";
  private static final List<String> FULL_SCOPE = List.of("ingress", "egress");

  private GenerateCommands() {}

  static Cmd build() {
    Cmd generate = new Cmd("generate").help(SHORT, "Generate resources, tokens, etc.");
    generate.checksVersion = true;
    generate.add(dataplaneToken());
    generate.add(zoneToken());
    generate.add(tlsCertificate());
    generate.add(new Cmd("signing-key").help("Generate signing keys", "Generate a private key for signing tokens.")
        .noArgs()
        .flag(Flag.string("format", "pem-base64", "format of signing key. Available values :pem-base64, pem"))
        .action(GenerateCommands::signingKey));
    generate.add(new Cmd("public-key").help("Generate public key out of signing key",
            "Generate a public key for validating tokens.")
        .example("""

            Extract a public key out of signing key used to issue tokens.

            $ kumactl generate signing-key --format=pem > /tmp/key.pem
            $ kumactl generate public-key --signing-key-path=/tmp/key.pem
            """)
        .noArgs()
        .flag(Flag.string("signing-key-path", "", "path to a file with PEM-encoded private signing key").asRequired())
        .action(GenerateCommands::publicKey));
    generate.add(userToken());
    return generate;
  }

  private static Flag validFor() {
    return Flag.duration("valid-for", "0s", "how long the token will be valid (for example \"24h\")").asRequired();
  }

  private static Flag signingKeyPath() {
    return Flag.string("signing-key-path", "", "path to a file that contains private signing key. When specified,"
        + " control plane won't be used to issue the token.");
  }

  private static Flag kid() {
    return Flag.string("kid", "", "ID of the key that is used to issue a token. Required when --signing-key-path is"
        + " used.");
  }

  // --- tokens ---

  private static Cmd dataplaneToken() {
    return new Cmd("dataplane-token").help("Generate Dataplane Token",
            "Generate Dataplane Token that is used to prove Dataplane identity.")
        .example("""

            Generate token bound by name and mesh
            $ kumactl generate dataplane-token --mesh demo --name demo-01 --valid-for 24h

            Generate token bound by mesh
            $ kumactl generate dataplane-token --mesh demo --valid-for 24h

            Generate Ingress token
            $ kumactl generate dataplane-token --type ingress --valid-for 24h

            Generate token bound by tag
            $ kumactl generate dataplane-token --mesh demo --tag kuma.io/service=web,web-api --valid-for 24h

            Generate token bound by workload
            $ kumactl generate dataplane-token --mesh demo --workload backend --valid-for 24h
            """)
        .noArgs()
        .flag(Flag.string("name", "", "name of the Dataplane"))
        .persistentFlag(GetCommands.meshFlag())
        .flag(Flag.string("type", "", "type of the Dataplane (\"dataplane\", \"ingress\")")
            .asDeprecated("please use --proxy-type instead"))
        .flag(Flag.string("proxy-type", "", "type of the Dataplane (\"dataplane\", \"ingress\")"))
        .flag(Flag.map("tag", '\0', "required tag values for dataplane (split values by comma to provide multiple"
            + " values)"))
        .flag(Flag.string("workload", "", "required workload label value for dataplane"))
        .flag(validFor())
        .flag(signingKeyPath())
        .flag(kid())
        .action(GenerateCommands::dataplaneTokenRun);
  }

  private static void dataplaneTokenRun(Invocation inv) throws KumactlException {
    try {
      inv.api();
    } catch (KumactlException e) {
      throw KumactlException.wrap("failed to create dataplane token client", e);
    }
    Map<String, List<String>> tags = new LinkedHashMap<>();
    inv.map("tag").forEach((k, v) -> tags.put(k, List.of(v.split(",", -1))));
    String proxyType = inv.changed("proxy-type") || !inv.changed("type") ? inv.string("proxy-type") : inv.string("type");
    Duration validFor = inv.duration("valid-for");
    String token;
    if (!inv.string("signing-key-path").isEmpty()) {
      requireKid(inv);
      Map<String, Object> claims = new LinkedHashMap<>();
      claims.put("Name", inv.string("name"));
      claims.put("Mesh", inv.mesh());
      claims.put("Tags", tags.isEmpty() ? null : tags);
      claims.put("Type", proxyType);
      claims.put("Workload", inv.string("workload"));
      token = OfflineTokens.sign(inv, claims, validFor);
    } else {
      forbidKid(inv);
      if (validFor.isZero()) {
        throw new KumactlException("failed to generate a dataplane token: You must set a token validFor value");
      }
      ObjectNode req = JsonNodeFactory.instance.objectNode();
      req.put("name", inv.string("name"));
      req.put("mesh", inv.mesh());
      ObjectNode tagsJson = req.putObject("tags");
      tags.forEach((k, values) -> {
        ArrayNode list = tagsJson.putArray(k);
        values.forEach(list::add);
      });
      req.put("type", proxyType);
      req.put("workload", inv.string("workload"));
      req.put("validFor", GoDuration.of(validFor).toString());
      token = issue(inv, "dataplane", req, "failed to generate a dataplane token");
    }
    inv.out().print(token);
  }

  private static Cmd zoneToken() {
    return new Cmd("zone-token").help("Generate Zone Token", "Generate Zone Token that is used to prove identity of"
            + " zone components (Zone Ingress, Zone Egress).")
        .example("""

            Generate token using a control plane
            $ kumactl generate zone-token --zone zone-1 --valid-for 24h
            $ kumactl generate zone-token --zone zone-1 --valid-for 24h --scope egress
            $ kumactl generate zone-token --zone zone-1 --valid-for 24h --scope ingress
            $ kumactl generate zone-token --zone zone-1 --valid-for 24h --scope ingress --scope egress

            Generate token using offline signing key
            $ kumactl generate zone-token --zone zone-1 --valid-for 24h --signing-key-path /keys/key.pem --kid 1""")
        .noArgs()
        .flag(Flag.string("zone", "", "name of the zone where resides").asRequired())
        .flag(Flag.list("scope", "[ingress,egress]",
            "scope of resources which the token will be able to identify (can be: [ingress egress])"))
        .flag(validFor())
        .flag(signingKeyPath())
        .flag(kid())
        .action(GenerateCommands::zoneTokenRun);
  }

  private static void zoneTokenRun(Invocation inv) throws KumactlException {
    List<String> scope = inv.changed("scope") ? inv.list("scope") : FULL_SCOPE;
    List<String> unsupported = scope.stream().filter(s -> !FULL_SCOPE.contains(s)).toList();
    if (!unsupported.isEmpty()) {
      throw new KumactlException("invalid --scope values: [" + String.join(" ", unsupported)
          + "] (supported scopes: [ingress egress])");
    }
    String token;
    if (!inv.string("signing-key-path").isEmpty()) {
      requireKid(inv);
      Map<String, Object> claims = new LinkedHashMap<>();
      claims.put("Zone", inv.string("zone"));
      claims.put("Scope", scope);
      token = OfflineTokens.sign(inv, claims, inv.duration("valid-for"));
    } else {
      forbidKid(inv);
      ObjectNode req = JsonNodeFactory.instance.objectNode();
      req.put("zone", inv.string("zone"));
      ArrayNode list = req.putArray("scope");
      scope.forEach(list::add);
      req.put("validFor", GoDuration.of(inv.duration("valid-for")).toString());
      try {
        inv.api();
      } catch (KumactlException e) {
        throw KumactlException.wrap("failed to create zone token client", e);
      }
      token = issue(inv, "zone", req, "failed to generate a zone token");
    }
    inv.out().print(token);
  }

  private static Cmd userToken() {
    return new Cmd("user-token").help("Generate User Token", "Generate User Token that is used to prove User identity.")
        .example("""

            Generate token using a control plane
            $ kumactl generate user-token --name john.doe@example.com --group users --valid-for 24h

            Generate token using offline signing key
            $ kumactl generate user-token --name john.doe@example.com --group users --valid-for 24h --signing-key-path /keys/key.pem --kid 1
            """)
        .flag(Flag.string("name", "", "name of the user").asRequired())
        .flag(Flag.list("group", "[]", "group of the user"))
        .flag(validFor())
        .flag(signingKeyPath())
        .flag(kid())
        .action(GenerateCommands::userTokenRun);
  }

  private static void userTokenRun(Invocation inv) throws KumactlException {
    inv.api();
    String token;
    List<String> groups = inv.list("group");
    if (!inv.string("signing-key-path").isEmpty()) {
      requireKid(inv);
      Map<String, Object> claims = new LinkedHashMap<>();
      claims.put("Name", inv.string("name"));
      claims.put("Groups", groups.isEmpty() ? null : groups);
      token = OfflineTokens.sign(inv, claims, inv.duration("valid-for"));
    } else {
      forbidKid(inv);
      ObjectNode req = JsonNodeFactory.instance.objectNode();
      req.put("name", inv.string("name"));
      if (groups.isEmpty()) {
        req.putNull("groups");
      } else {
        ArrayNode list = req.putArray("groups");
        groups.forEach(list::add);
      }
      req.put("validFor", GoDuration.of(inv.duration("valid-for")).toString());
      token = issue(inv, "user", req, "failed to generate a user token");
    }
    inv.out().print(token);
  }

  private static void requireKid(Invocation inv) throws KumactlException {
    if (inv.string("kid").isEmpty()) {
      throw new KumactlException("--kid is required when --signing-key-path is used");
    }
  }

  private static void forbidKid(Invocation inv) throws KumactlException {
    if (!inv.string("kid").isEmpty()) {
      throw new KumactlException("--kid cannot be used when --signing-key-path is used");
    }
  }

  /** {@code POST /tokens/<entity>}: the response body is the token. */
  private static String issue(Invocation inv, String entity, ObjectNode request, String context)
      throws KumactlException {
    try {
      ApiClient.Response r = inv.api().post("/tokens/" + entity, GoJson.compact(request));
      if (r.status() != 200) {
        throw r.unexpected();
      }
      return r.body();
    } catch (KumactlException e) {
      throw KumactlException.wrap(context, e);
    }
  }

  // --- keys and certificates ---

  private static void signingKey(Invocation inv) throws KumactlException {
    String format = inv.string("format");
    if (!format.equals("pem") && !format.equals("pem-base64")) {
      throw new KumactlException("invalid format");
    }
    String pem;
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
      gen.initialize(2048);
      pem = Pem.encode(gen.generateKeyPair().getPrivate());
    } catch (NoSuchAlgorithmException e) {
      throw new KumactlException("could not generate signing key: " + e.getMessage(), e);
    }
    inv.out().print(format.equals("pem") ? pem
        : Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  private static void publicKey(Invocation inv) throws KumactlException {
    String path = inv.string("signing-key-path");
    String pem;
    try {
      pem = Files.readString(Path.of(path), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new KumactlException("could not read a signing key file: open " + path + ": no such file or directory", e);
    } catch (IOException e) {
      throw new KumactlException("could not read a signing key file: " + e.getMessage(), e);
    }
    if (!pem.stripLeading().startsWith("-----BEGIN RSA PRIVATE KEY-----")) {
      throw new KumactlException("provided file is not a PEM-encoded signing key");
    }
    PrivateKey key;
    try {
      key = Pem.privateKey(pem);
    } catch (IllegalArgumentException e) {
      throw new KumactlException("could not extract public key: " + e.getMessage(), e);
    }
    if (!(key instanceof RSAPrivateCrtKey rsa)) {
      throw new KumactlException("could not extract public key: not an RSA key");
    }
    byte[] der = derSequence(derInteger(rsa.getModulus()), derInteger(rsa.getPublicExponent()));
    inv.out().print(pemBlock("RSA PUBLIC KEY", der));
  }

  private static Cmd tlsCertificate() {
    return new Cmd("tls-certificate --type=server|client --hostname=HOST1[,HOST2...]")
        .help("Generate a TLS certificate", "Generate self signed key and certificate pair that can be used for"
            + " example in Dataplane Token Server setup.")
        .example("""

              # Generate a TLS certificate for use by an HTTPS server, i.e. by the Dataplane Token server
              kumactl generate tls-certificate --type=server --hostname=localhost

              # Generate a TLS certificate for use by a client of an HTTPS server, i.e. by the 'kumactl generate dataplane-token' command
              kumactl generate tls-certificate --type=client --hostname=dataplane-1""")
        .noArgs()
        .flag(Flag.string("key-file", "key.pem", "path to a file with a generated private key ('-' for stdout)"))
        .flag(Flag.string("cert-file", "cert.pem", "path to a file with a generated TLS certificate ('-' for stdout)"))
        .flag(Flag.string("type", "", "type of the certificate: one of client|server").asRequired())
        .flag(Flag.string("key-type", "", "type of the private key: one of rsa|ecdsa"))
        .flag(Flag.list("hostname", "[]", "DNS hostname(s) to issue the certificate for").asRequired())
        .action(GenerateCommands::tlsCertificateRun);
  }

  private static void tlsCertificateRun(Invocation inv) throws KumactlException {
    String certType = inv.string("type");
    CertificateUsage usage = switch (certType) {
      case "client" -> CertificateUsage.CLIENT;
      case "server" -> CertificateUsage.SERVER;
      default -> throw new KumactlException("invalid certificate type " + GoStrings.quote(certType));
    };
    List<String> hosts = new ArrayList<>(inv.list("hostname"));
    if (hosts.isEmpty()) {
      throw new KumactlException("at least one hostname must be given");
    }
    KeyType keyType = switch (inv.string("key-type")) {
      case "", "rsa" -> KeyType.RSA;
      case "ecdsa" -> KeyType.ECDSA;
      default -> throw new KumactlException("invalid key type " + GoStrings.quote(inv.string("key-type")));
    };
    KeyAndCertificate pair;
    try {
      pair = new Certificates(inv.clock()).selfSigned(usage, keyType, hosts);
    } catch (RuntimeException e) {
      throw new KumactlException("could not generate certificate: " + e.getMessage(), e);
    }
    String keyFile = inv.string("key-file");
    String certFile = inv.string("cert-file");
    write(inv, keyFile, pair.keyPem(), "r--------", "could not write the key file");
    write(inv, certFile, pair.certificatePem(), "rw-------", "could not write the cert file");
    if (!certFile.equals("-") && !keyFile.equals("-")) {
      inv.out().println("Private key saved in " + keyFile);
      inv.out().println("Certificate saved in " + certFile);
    }
  }

  private static void write(Invocation inv, String file, String content, String mode, String failure)
      throws KumactlException {
    if (file.equals("-")) {
      inv.out().print(content);
      return;
    }
    Path path = Path.of(file);
    try {
      try {
        Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)));
      } catch (FileAlreadyExistsException exists) {
        // Go's WriteFile truncates an existing file and keeps its mode
      }
      Files.writeString(path, content, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE);
    } catch (AccessDeniedException e) {
      throw new KumactlException(failure + ": open " + file + ": permission denied", e);
    } catch (NoSuchFileException e) {
      throw new KumactlException(failure + ": open " + file + ": no such file or directory", e);
    } catch (IOException e) {
      throw new KumactlException(failure + ": " + e.getMessage(), e);
    }
  }

  // --- DER / PEM for PKCS#1 public keys ---

  private static byte[] derInteger(BigInteger value) {
    return derTlv(0x02, value.toByteArray());
  }

  private static byte[] derSequence(byte[]... parts) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      body.writeBytes(p);
    }
    return derTlv(0x30, body.toByteArray());
  }

  private static byte[] derTlv(int tag, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int len = value.length;
    if (len < 0x80) {
      out.write(len);
    } else {
      byte[] lenBytes = BigInteger.valueOf(len).toByteArray();
      int start = lenBytes[0] == 0 ? 1 : 0;
      out.write(0x80 | (lenBytes.length - start));
      out.write(lenBytes, start, lenBytes.length - start);
    }
    out.writeBytes(value);
    return out.toByteArray();
  }

  /** Go's {@code pem.Encode}: base64 in 64-character lines. */
  private static String pemBlock(String type, byte[] der) {
    String b64 = Base64.getEncoder().encodeToString(der);
    StringBuilder out = new StringBuilder("-----BEGIN ").append(type).append("-----\n");
    for (int i = 0; i < b64.length(); i += 64) {
      out.append(b64, i, Math.min(b64.length(), i + 64)).append('\n');
    }
    return out.append("-----END ").append(type).append("-----\n").toString();
  }
}
