package org.relaxha.xen;

import org.libvirt.ConnectAuth;
import org.relaxha.spi.config.Secret;

/**
 * Answers libvirt's authentication questions (SASL user name and password) from the configuration,
 * never from a terminal. The password is revealed only while libvirt asks for it and never appears
 * in a log line or a message.
 *
 * <p>Thread-safe: immutable.
 */
final class SecretAuth extends ConnectAuth {
  private final String username;
  private final Secret password;

  SecretAuth(String username, Secret password) {
    this.username = username;
    this.password = password;
    this.credType =
        new CredentialType[] {
          CredentialType.VIR_CRED_USERNAME,
          CredentialType.VIR_CRED_AUTHNAME,
          CredentialType.VIR_CRED_PASSPHRASE,
          CredentialType.VIR_CRED_NOECHOPROMPT
        };
  }

  @Override
  public int callback(Credential[] credentials) {
    for (Credential c : credentials) {
      String answer = answer(c.type);
      if (answer == null) {
        return -1;
      }
      c.result = answer;
    }
    return 0;
  }

  private String answer(CredentialType type) {
    switch (type) {
      case VIR_CRED_USERNAME:
      case VIR_CRED_AUTHNAME:
        return username;
      case VIR_CRED_PASSPHRASE:
      case VIR_CRED_NOECHOPROMPT:
        return password == null ? null : new String(password.reveal());
      default:
        return null;
    }
  }

  @Override
  public String toString() {
    return "SecretAuth[" + username + ", " + password + "]";
  }
}
