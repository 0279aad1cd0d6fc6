package org.relaxha.monitor.nagios.event;

import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.relaxha.monitor.nagios.status.NagiosObject;

/**
 * The {@code relaxha-nagios-event} entry point: Nagios runs it as a global event handler (or OCSP /
 * OCHP command) and it forwards one state change to the RelaxHA Nagios monitor over the monitor's
 * Unix domain socket, so that detection does not wait for the next {@code status.dat}.
 *
 * <pre>
 * relaxha-nagios-event --socket PATH [--timeout SECONDS] host HOST STATE TYPE ATTEMPT LASTCHECK [OUTPUT]
 * relaxha-nagios-event --socket PATH [--timeout SECONDS] service HOST SERVICE STATE TYPE ATTEMPT LASTCHECK [OUTPUT]
 * </pre>
 *
 * STATE is a number or a name ($HOSTSTATEID$ or $HOSTSTATE$), TYPE is HARD or SOFT, LASTCHECK the
 * epoch seconds of $LASTHOSTCHECK$ / $LASTSERVICECHECK$. The socket may also come from the
 * environment variable {@code RELAXHA_NAGIOS_SOCKET}. Exit status: 0 delivered, 1 not delivered
 * (nobody listening, refused, timed out), 2 bad arguments. Uses the JDK only.
 *
 * <p>Stateless; {@link #run} is thread-safe.
 */
public final class NagiosEventClient {
  /** Exit status: the monitor took the event. */
  public static final int OK = 0;

  /** Exit status: the event was not delivered. */
  public static final int NOT_DELIVERED = 1;

  /** Exit status: bad arguments. */
  public static final int USAGE = 2;

  static final String USAGE_TEXT =
      "usage: relaxha-nagios-event --socket PATH [--timeout SECONDS]"
          + " host HOST STATE TYPE ATTEMPT LASTCHECK [OUTPUT]\n"
          + "       relaxha-nagios-event --socket PATH [--timeout SECONDS]"
          + " service HOST SERVICE STATE TYPE ATTEMPT LASTCHECK [OUTPUT]";

  private NagiosEventClient() {}

  /** Runs the client and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(List.of(args), System.getenv(), System.err));
  }

  /** Runs the client; returns the exit status. */
  public static int run(List<String> args, Map<String, String> env, PrintStream err) {
    List<String> words = new ArrayList<>(args);
    String socket = env.get("RELAXHA_NAGIOS_SOCKET");
    long timeoutMillis = 5_000;
    NagiosEvent event;
    try {
      while (!words.isEmpty() && words.get(0).startsWith("--")) {
        String option = words.remove(0);
        if (words.isEmpty()) {
          throw new IllegalArgumentException(option + " needs a value");
        }
        switch (option) {
          case "--socket" -> socket = words.remove(0);
          case "--timeout" -> timeoutMillis = (long) (Double.parseDouble(words.remove(0)) * 1000);
          default -> throw new IllegalArgumentException("unknown option " + option);
        }
      }
      if (socket == null || socket.isBlank()) {
        throw new IllegalArgumentException("--socket PATH (or RELAXHA_NAGIOS_SOCKET) is required");
      }
      event = parse(words);
    } catch (IllegalArgumentException e) {
      err.println("relaxha-nagios-event: " + e.getMessage());
      err.println(USAGE_TEXT);
      return USAGE;
    }
    return send(Path.of(socket), event, Math.max(1, timeoutMillis), err);
  }

  static NagiosEvent parse(List<String> w) {
    if (w.isEmpty()) {
      throw new IllegalArgumentException("host or service?");
    }
    boolean host =
        switch (w.get(0)) {
          case "host" -> true;
          case "service" -> false;
          default ->
              throw new IllegalArgumentException("expected host or service, got " + w.get(0));
        };
    int fixed = host ? 6 : 7;
    if (w.size() < fixed || w.size() > fixed + 1) {
      throw new IllegalArgumentException(
          "a " + w.get(0) + " event takes " + (fixed - 1) + " or " + fixed + " arguments");
    }
    NagiosObject object =
        host ? NagiosObject.host(w.get(1)) : NagiosObject.service(w.get(1), w.get(2));
    int i = host ? 2 : 3;
    return new NagiosEvent(
        object,
        NagiosEvent.state(host, w.get(i)),
        NagiosEvent.hard(w.get(i + 1)),
        Integer.parseInt(w.get(i + 2).strip()),
        Long.parseLong(w.get(i + 3).strip()),
        w.size() > fixed ? w.get(fixed) : "");
  }

  private static int send(Path socket, NagiosEvent event, long timeoutMillis, PrintStream err) {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        Selector selector = Selector.open()) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      ByteBuffer line = ByteBuffer.wrap((event.encode() + "\n").getBytes(StandardCharsets.UTF_8));
      while (line.hasRemaining()) {
        channel.write(line);
      }
      String reply = readReply(channel, selector, timeoutMillis);
      if (reply.equals("ok")) {
        return OK;
      }
      err.println("relaxha-nagios-event: " + socket + ": " + reply);
      return NOT_DELIVERED;
    } catch (IOException e) {
      err.println(
          "relaxha-nagios-event: cannot deliver to "
              + socket
              + ": "
              + e
              + " (is RelaxHA running with this events.socket?)");
      return NOT_DELIVERED;
    }
  }

  private static String readReply(SocketChannel channel, Selector selector, long timeoutMillis)
      throws IOException {
    channel.configureBlocking(false);
    channel.register(selector, SelectionKey.OP_READ);
    ByteBuffer in = ByteBuffer.allocate(4096);
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (true) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return "no answer within " + timeoutMillis + " ms";
      }
      selector.select(left);
      selector.selectedKeys().clear();
      int n = channel.read(in);
      String text = new String(in.array(), 0, in.position(), StandardCharsets.UTF_8);
      int newline = text.indexOf('\n');
      if (newline >= 0) {
        return text.substring(0, newline);
      }
      if (n < 0 || !in.hasRemaining()) {
        return "connection closed without an answer";
      }
    }
  }
}
