package org.relaxha.monitor.nagios.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockParserTest {
  private final List<Block> blocks = new ArrayList<>();

  private ParseReport parse(String text, Syntax syntax) throws IOException {
    return parse(text.getBytes(StandardCharsets.UTF_8), syntax);
  }

  private ParseReport parse(byte[] bytes, Syntax syntax) throws IOException {
    return BlockParser.parse(new ByteArrayInputStream(bytes), "status.dat", syntax, blocks::add);
  }

  @Test
  void readsBlocksWithTheirLinesAndFields() throws IOException {
    ParseReport r =
        parse(
            """
        # comment
        info {
        \tcreated=1700000000
        \t}

        hoststatus {
        \thost_name=node-a
        \tplugin_output=OK: a=b=c
        \t}
        """,
            Syntax.STATUS);
    assertThat(r.clean()).isTrue();
    assertThat(blocks).extracting(Block::type).containsExactly("info", "hoststatus");
    assertThat(blocks.get(1).line()).isEqualTo(6);
    assertThat(blocks.get(1).text("plugin_output")).isEqualTo("OK: a=b=c");
    assertThat(r.blockTypes()).containsEntry("hoststatus", 1L);
  }

  @Test
  void aTruncatedFileDropsTheUnfinishedBlockAndSaysWhere() throws IOException {
    ParseReport r =
        parse(
            """
        hoststatus {
        \thost_name=node-a
        \t}
        servicestatus {
        \thost_name=node-a
        \tservice_desc""",
            Syntax.STATUS);
    assertThat(blocks).extracting(Block::type).containsExactly("hoststatus");
    assertThat(r.truncated()).isTrue();
    assertThat(r.problems())
        .last()
        .hasToString(
            "status.dat:6: file ends inside block 'servicestatus' opened at line 4 (truncated?)");
  }

  @Test
  void unknownSectionsAreReadAndCountedButBotherNobody() throws IOException {
    ParseReport r =
        parse(
            """
        contactstatus {
        \tcontact_name=nobody
        \t}
        futurestatus {
        \tsomething_new=1
        \t}
        """,
            Syntax.STATUS);
    assertThat(r.clean()).isTrue();
    assertThat(r.blockTypes()).containsEntry("futurestatus", 1L).containsEntry("contactstatus", 1L);
  }

  @Test
  void garbageIsReportedWithItsLineAndSkipped() throws IOException {
    ParseReport r =
        parse(
            """
        this is not nagios
        hoststatus {
        \tno equals sign here
        \thost_name=x
        hoststatus {
        \thost_name=y
        \t}
        }
        """,
            Syntax.STATUS);
    assertThat(blocks)
        .singleElement()
        .satisfies(b -> assertThat(b.text("host_name")).isEqualTo("y"));
    assertThat(r.problems()).extracting(ParseProblem::line).containsExactly(1, 3, 5, 8);
    assertThat(r.problems().get(2).message()).contains("starts inside block 'hoststatus'");
  }

  @Test
  void linesThatAreNotUtf8AreReadAsLatin1AndReported() throws IOException {
    byte[] latin1 =
        "hoststatus {\n\thost_name=caf\u00e9\n\t}\n".getBytes(StandardCharsets.ISO_8859_1);
    ParseReport r = parse(latin1, Syntax.STATUS);
    assertThat(blocks.get(0).text("host_name")).isEqualTo("caf\u00e9");
    assertThat(r.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.message()).contains("not valid UTF-8");
            });
  }

  @Test
  void utf8NamesAreKept() throws IOException {
    ParseReport r = parse("hoststatus {\n\thost_name=r\u00e9seau-\u00fc\n\t}\n", Syntax.STATUS);
    assertThat(r.clean()).isTrue();
    assertThat(blocks.get(0).text("host_name")).isEqualTo("r\u00e9seau-\u00fc");
  }

  @Test
  void overlongLinesAreCut() throws IOException {
    String huge = "x".repeat(BlockParser.MAX_LINE_BYTES * 3);
    ParseReport r =
        parse("hoststatus {\n\tplugin_output=" + huge + "\n\thost_name=h\n\t}\n", Syntax.STATUS);
    assertThat(blocks.get(0).text("host_name")).isEqualTo("h");
    assertThat(blocks.get(0).text("plugin_output")).hasSizeLessThan(BlockParser.MAX_LINE_BYTES);
    assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(2));
  }

  @Test
  void problemsAreCappedAndCounted() throws IOException {
    ParseReport r = parse("junk\n".repeat(100), Syntax.STATUS);
    assertThat(r.problems()).hasSize(BlockParser.MAX_PROBLEMS);
    assertThat(r.moreProblems()).isEqualTo(100 - BlockParser.MAX_PROBLEMS);
    assertThat(r.summary()).contains("and 99 more");
  }

  @Test
  void readsTheObjectCacheSyntax() throws IOException {
    ParseReport r =
        parse(
            """
        define host {
        \thost_name\tweb-1
        \tparents\tnode-a,node-b
        \tnotes
        \t}
        """,
            Syntax.OBJECTS);
    assertThat(r.clean()).isTrue();
    assertThat(blocks.get(0).type()).isEqualTo("host");
    assertThat(blocks.get(0).text("parents")).isEqualTo("node-a,node-b");
    assertThat(blocks.get(0).fields()).containsKey("notes");
  }

  @Test
  void windowsLineEndingsAndAnEmptyFileAreFine() throws IOException {
    assertThat(parse("hoststatus {\r\n\thost_name=h\r\n\t}\r\n", Syntax.STATUS).clean()).isTrue();
    assertThat(blocks.get(0).text("host_name")).isEqualTo("h");
    ParseReport empty = parse("", Syntax.STATUS);
    assertThat(empty.clean()).isTrue();
    assertThat(empty.lines()).isZero();
  }
}
