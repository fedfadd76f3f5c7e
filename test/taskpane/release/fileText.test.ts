/** HTML releases read as text: blocks as lines, table rows as tab-separated lines, entities decoded, code dropped. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { releaseFileText } from "../../../src/taskpane/release/fileText";

/** The text of HTML, as the reader gets it from an .html file. */
const htmlToText = (html: string): string => releaseFileText("release.html", html).text;

describe("htmlToText", () => {
  it("keeps paragraphs and line breaks as lines, one blank line between blocks", () => {
    expect(htmlToText("<p>First  paragraph\n wraps.</p><p>Second<br>line</p>")).toBe(
      "First paragraph wraps.\n\nSecond\nline",
    );
  });

  it("turns table rows into lines with a tab between cells", () => {
    const html =
      "<table><tr><th></th><th>3Q 2018</th><th>2Q 2018</th></tr>" +
      "<tr><td>Gold</td><td>27,885</td><td>33,702</td></tr></table>";
    expect(htmlToText(html)).toBe("\t3Q 2018\t2Q 2018\nGold\t27,885\t33,702");
  });

  it("decodes entities, named and numeric", () => {
    expect(
      htmlToText("<p>88&ndash;92,000 oz &amp; 6.4&nbsp;% &#8211; &#x2013; A$1&#46;00 &bogus; & 5 &lt; 6</p>"),
    ).toBe("88\u201392,000 oz & 6.4 % \u2013 \u2013 A$1.00 &bogus; & 5 < 6");
  });

  it("drops scripts, styles, comments and the head, and keeps markup-like text as text", () => {
    const html =
      "<html><head><title>x</title><style>p{}</style></head><body><script>alert('up 9%')</script>" +
      "<!-- up 20% --><p>Output rose 9% (a < b)</p></body></html>";
    expect(htmlToText(html)).toBe("Output rose 9% (a < b)");
  });

  it("writes list items as bullets", () => {
    expect(htmlToText("<ul><li>Gold up 9%</li><li>Silver down 3%</li></ul>")).toBe("- Gold up 9%\n- Silver down 3%");
  });

  it("answers any text without throwing, and a text without markup keeps its words", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const out = htmlToText(s);
        expect(typeof out).toBe("string");
        if (!/[<&]/.test(s)) expect(out.replace(/\s+/g, " ").trim()).toBe(s.replace(/\s+/g, " ").trim());
      }),
    );
  });
});

describe("releaseFileText", () => {
  it("reads .html and HTML content as HTML, .txt and .md as they are", () => {
    expect(releaseFileText("r.html", "<p>a</p>")).toEqual({ text: "a", html: true });
    expect(releaseFileText("r.txt", "<p>a</p>")).toEqual({ text: "<p>a</p>", html: false });
    expect(releaseFileText("r", "<!DOCTYPE html><p>a</p>")).toEqual({ text: "a", html: true });
    expect(releaseFileText("r.md", "\ufeff| a | b |")).toEqual({ text: "| a | b |", html: false });
  });
});
