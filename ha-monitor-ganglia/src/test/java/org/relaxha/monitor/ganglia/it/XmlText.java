package org.relaxha.monitor.ganglia.it;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads raw Ganglia XML text with regular expressions, independently of the adapter's parser, so
 * the tests compare the adapter with what the daemon really sent. Stateless.
 */
final class XmlText {
  private static final Pattern HOST =
      Pattern.compile(
          "<HOST NAME=\"([^\"]+)\"[^>]*? TN=\"(\\d+)\"[^>]*>(.*?)</HOST>", Pattern.DOTALL);
  private static final Pattern LOAD_FIVE =
      Pattern.compile("<METRIC NAME=\"load_five\" VAL=\"([^\"]+)\"");

  private XmlText() {}

  /** Each host's load_five as the text says it. */
  static Map<String, Double> loadFive(String xml) {
    Map<String, Double> values = new HashMap<>();
    Matcher host = HOST.matcher(xml);
    while (host.find()) {
      Matcher load = LOAD_FIVE.matcher(host.group(3));
      if (load.find()) {
        values.put(host.group(1), Double.parseDouble(load.group(1)));
      }
    }
    return values;
  }

  /** Whether {@code name} is listed with TN at most {@code tmax} and a load_five. */
  static boolean live(String xml, String name, int tmax) {
    Matcher host = HOST.matcher(xml);
    while (host.find()) {
      if (host.group(1).equals(name)) {
        return Long.parseLong(host.group(2)) <= tmax && LOAD_FIVE.matcher(host.group(3)).find();
      }
    }
    return false;
  }
}
