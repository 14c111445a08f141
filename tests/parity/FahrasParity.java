import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.charfilter.MappingCharFilterFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.core.StopFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.miscellaneous.LengthFilterFactory;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilterFactory;
import org.apache.lucene.analysis.pattern.PatternReplaceFilterFactory;
import org.apache.lucene.analysis.pattern.PatternTokenizerFactory;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Runs an Elasticsearch/OpenSearch custom analyzer in plain Lucene, to check that fahras's
 * generated index settings analyze text the way fahras's own analyze() does.
 *
 * <pre>
 * java -cp lucene-core-8*.jar:lucene-analyzers-common-8*.jar:classes FahrasParity \
 *   definition.json analyzerName input.jsonl output.jsonl
 * </pre>
 *
 * definition.json: an index definition ({"settings": {"analysis": …}}), or index settings
 * ({"index": {"analysis": …}} under "settings"), or a bare {"analysis": …}.
 * input.jsonl: one JSON string per line, the text to analyze.
 * output.jsonl: one line per input line, a JSON array of [term, startOffset, endOffset, position]
 * (offsets in UTF-16 units into the input text; position counts increments from 0).
 *
 * The engine's component types map to Lucene's factories with the engine's own parameter rules:
 * mapping, pattern_replace (char filter and token filter), pattern (tokenizer), stop, length and
 * lowercase. Anything else stops the run with an error naming it: a parity check must not
 * silently skip a component or a parameter. No dependencies beyond the two Lucene jars.
 */
public final class FahrasParity {

  /** A problem with the definition or the input, reported as one line, exit code 2. */
  static final class ParityError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ParityError(String message) {
      super(message);
    }

    ParityError(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public static void main(String[] args) {
    if (args.length != 4) {
      System.err.println("usage: FahrasParity <definition.json> <analyzerName> <input.jsonl> <output.jsonl>");
      System.exit(64);
    }
    try {
      long started = System.nanoTime();
      CustomAnalyzer analyzer = build(Paths.get(args[0]), args[1]);
      long[] counts = analyzeAll(analyzer, Paths.get(args[2]), Paths.get(args[3]));
      long ms = (System.nanoTime() - started) / 1_000_000;
      System.err.println("FahrasParity: Lucene " + org.apache.lucene.util.Version.LATEST + ", Java " + System.getProperty("java.version")
          + ": " + counts[0] + " texts, " + counts[1] + " tokens, " + ms + " ms");
    } catch (ParityError e) {
      System.err.println("FahrasParity: " + e.getMessage());
      if (e.getCause() != null) System.err.println("  caused by: " + e.getCause());
      System.exit(2);
    } catch (IOException | UncheckedIOException e) {
      System.err.println("FahrasParity: I/O error: " + e);
      System.exit(3);
    }
  }

  /**
   * The named analyzer of an index definition file (the forms findAnalysis accepts), as main
   * builds it; also used by bench/opensearch/LuceneSearch.java. The stop-word and mapping files
   * it writes are read while it is built and deleted before it returns. Throws ParityError on a
   * problem with the definition.
   */
  public static CustomAnalyzer build(Path definitionJson, String analyzerName) throws IOException {
    Object definition = Json.parse(Files.readString(definitionJson, StandardCharsets.UTF_8));
    Path resources = Files.createTempDirectory("fahras-parity-");
    try {
      return buildAnalyzer(findAnalysis(definition), analyzerName, resources);
    } finally {
      deleteTree(resources);
    }
  }

  // ---------------------------------------------------------------- the analysis block

  /** settings.analysis, else settings.index.analysis, else a top-level analysis. */
  static Map<String, Object> findAnalysis(Object definition) {
    Map<String, Object> root = asObject(definition, "the definition");
    Map<String, Object> settings = optionalObject(root, "settings", "the definition");
    if (settings != null) {
      Map<String, Object> analysis = optionalObject(settings, "analysis", "settings");
      if (analysis != null) return analysis;
      Map<String, Object> index = optionalObject(settings, "index", "settings");
      if (index != null) {
        analysis = optionalObject(index, "analysis", "settings.index");
        if (analysis != null) return analysis;
      }
    }
    Map<String, Object> analysis = optionalObject(root, "analysis", "the definition");
    if (analysis != null) return analysis;
    throw new ParityError("no analysis block: expected settings.analysis, settings.index.analysis or analysis");
  }

  static CustomAnalyzer buildAnalyzer(Map<String, Object> analysis, String name, Path resources) throws IOException {
    Map<String, Object> analyzers = optionalObject(analysis, "analyzer", "analysis");
    if (analyzers == null || !analyzers.containsKey(name)) {
      throw new ParityError("analyzer \"" + name + "\" is not defined in analysis.analyzer"
          + (analyzers == null ? "" : " (defined: " + analyzers.keySet() + ")"));
    }
    String where = "analyzer \"" + name + "\"";
    Map<String, Object> def = asObject(analyzers.get(name), where);
    checkKeys(def, where, Set.of("type", "char_filter", "tokenizer", "filter", "position_increment_gap"));
    String type = def.containsKey("type") ? asString(def.get("type"), where + " type") : "custom";
    if (!type.equals("custom")) throw new ParityError(where + " has type \"" + type + "\": only custom analyzers are supported");

    CustomAnalyzer.Builder builder = CustomAnalyzer.builder(resources);
    Components components = new Components(analysis, resources);
    for (String charFilter : nameList(def.get("char_filter"), where + " char_filter")) components.addCharFilter(builder, charFilter);
    if (!def.containsKey("tokenizer")) throw new ParityError(where + " has no tokenizer");
    components.setTokenizer(builder, asString(def.get("tokenizer"), where + " tokenizer"));
    for (String filter : nameList(def.get("filter"), where + " filter")) components.addTokenFilter(builder, filter);
    return builder.build();
  }

  /** The analysis components, by name, turned into Lucene factories and their parameters. */
  static final class Components {
    final Map<String, Object> analysis;
    final Path resources;
    int files = 0;

    Components(Map<String, Object> analysis, Path resources) {
      this.analysis = analysis;
      this.resources = resources;
    }

    /** A named definition from the analysis block, or a built-in name standing for its type. */
    Map<String, Object> lookup(String section, String name) {
      Map<String, Object> defined = optionalObject(analysis, section, "analysis");
      if (defined != null && defined.containsKey(name)) {
        Map<String, Object> def = asObject(defined.get(name), section + " \"" + name + "\"");
        if (!def.containsKey("type")) throw new ParityError(section + " \"" + name + "\" has no type");
        return def;
      }
      Map<String, Object> builtIn = new LinkedHashMap<>();
      builtIn.put("type", name);
      return builtIn;
    }

    void addCharFilter(CustomAnalyzer.Builder builder, String name) throws IOException {
      Map<String, Object> def = lookup("char_filter", name);
      String type = asString(def.get("type"), "char_filter \"" + name + "\" type");
      String where = "char_filter \"" + name + "\" (type " + type + ")";
      Map<String, String> params = new HashMap<>();
      try {
        switch (type) {
          case "mapping": {
            checkKeys(def, where, Set.of("type", "mappings"));
            if (!def.containsKey("mappings")) throw new ParityError(where + ": `mappings` is required (mappings_path is not supported)");
            params.put("mapping", writeMappingFile(stringList(def.get("mappings"), where + " mappings"), where));
            builder.addCharFilter(MappingCharFilterFactory.class, params);
            break;
          }
          case "pattern_replace": {
            checkKeys(def, where, Set.of("type", "pattern", "replacement", "flags"));
            params.put("pattern", pattern(def, where, null));
            params.put("replacement", optionalString(def, "replacement", "", where));
            builder.addCharFilter(PatternReplaceCharFilterFactory.class, params);
            break;
          }
          default:
            throw new ParityError(where + ": unsupported char_filter type \"" + type + "\" (supported: mapping, pattern_replace)");
        }
      } catch (IllegalArgumentException e) {
        throw new ParityError(where + ": Lucene rejected it: " + e.getMessage(), e);
      }
    }

    void setTokenizer(CustomAnalyzer.Builder builder, String name) throws IOException {
      Map<String, Object> def = lookup("tokenizer", name);
      String type = asString(def.get("type"), "tokenizer \"" + name + "\" type");
      String where = "tokenizer \"" + name + "\" (type " + type + ")";
      Map<String, String> params = new HashMap<>();
      try {
        if (!type.equals("pattern")) throw new ParityError(where + ": unsupported tokenizer type \"" + type + "\" (supported: pattern)");
        checkKeys(def, where, Set.of("type", "pattern", "group", "flags"));
        params.put("pattern", pattern(def, where, "\\W+"));
        params.put("group", Long.toString(optionalInt(def, "group", -1, where)));
        builder.withTokenizer(PatternTokenizerFactory.class, params);
      } catch (IllegalArgumentException e) {
        throw new ParityError(where + ": Lucene rejected it: " + e.getMessage(), e);
      }
    }

    void addTokenFilter(CustomAnalyzer.Builder builder, String name) throws IOException {
      Map<String, Object> def = lookup("filter", name);
      String type = asString(def.get("type"), "filter \"" + name + "\" type");
      String where = "filter \"" + name + "\" (type " + type + ")";
      Map<String, String> params = new HashMap<>();
      try {
        switch (type) {
          case "lowercase": {
            checkKeys(def, where, Set.of("type"));
            builder.addTokenFilter(LowerCaseFilterFactory.class, params);
            break;
          }
          case "stop": {
            checkKeys(def, where, Set.of("type", "stopwords", "ignore_case"));
            if (!def.containsKey("stopwords") || !(def.get("stopwords") instanceof List)) {
              throw new ParityError(where + ": `stopwords` must be given as an array (predefined lists such as _english_ and stopwords_path are not supported)");
            }
            params.put("words", writeStopWordsFile(stringList(def.get("stopwords"), where + " stopwords"), where));
            params.put("ignoreCase", Boolean.toString(optionalBoolean(def, "ignore_case", false, where)));
            builder.addTokenFilter(StopFilterFactory.class, params);
            break;
          }
          case "pattern_replace": {
            checkKeys(def, where, Set.of("type", "pattern", "replacement", "all", "flags"));
            params.put("pattern", pattern(def, where, null));
            params.put("replacement", optionalString(def, "replacement", "", where));
            params.put("replace", optionalBoolean(def, "all", true, where) ? "all" : "first");
            builder.addTokenFilter(PatternReplaceFilterFactory.class, params);
            break;
          }
          case "length": {
            checkKeys(def, where, Set.of("type", "min", "max"));
            long min = optionalInt(def, "min", 0, where);
            long max = optionalInt(def, "max", Integer.MAX_VALUE, where);
            params.put("min", Long.toString(min));
            params.put("max", Long.toString(max));
            builder.addTokenFilter(LengthFilterFactory.class, params);
            break;
          }
          default:
            throw new ParityError(where + ": unsupported filter type \"" + type + "\" (supported: lowercase, stop, pattern_replace, length)");
        }
      } catch (IllegalArgumentException e) {
        throw new ParityError(where + ": Lucene rejected it: " + e.getMessage(), e);
      }
    }

    /** Rules parsed as Elasticsearch parses `mappings`, written in Lucene's mapping-file format. */
    String writeMappingFile(List<String> rules, String where) throws IOException {
      StringBuilder file = new StringBuilder();
      Map<String, Integer> seen = new HashMap<>();
      for (int i = 0; i < rules.size(); i++) {
        String[] rule = parseMappingRule(rules.get(i), where + " mappings[" + i + "]");
        Integer before = seen.putIfAbsent(rule[0], i);
        if (before != null) {
          throw new ParityError(where + " mappings[" + i + "]: the left side " + Json.quote(rule[0]) + " is already mapped by mappings[" + before + "] (Lucene rejects duplicates)");
        }
        file.append('"').append(escapeAll(rule[0])).append("\" => \"").append(escapeAll(rule[1])).append("\"\n");
      }
      return writeResource("mapping", file.toString());
    }

    /**
     * Stop words one a line. Lucene's reader (WordlistLoader.getLines) skips lines that start
     * with '#' and empty lines, trims each line (String.trim) and drops a leading BOM: a word
     * starting with '#' or U+FEFF is written after a space (which the trim removes again);
     * words that the format cannot carry (empty, with leading or trailing whitespace, or with a
     * line break) are rejected.
     */
    String writeStopWordsFile(List<String> words, String where) throws IOException {
      StringBuilder file = new StringBuilder();
      for (int i = 0; i < words.size(); i++) {
        String word = words.get(i);
        String at = where + " stopwords[" + i + "] " + Json.quote(word);
        if (word.isEmpty()) throw new ParityError(at + ": an empty stop word cannot be written to a Lucene word list");
        if (word.indexOf('\n') >= 0 || word.indexOf('\r') >= 0) throw new ParityError(at + ": a stop word with a line break cannot be written to a Lucene word list");
        if (!word.trim().equals(word)) throw new ParityError(at + ": Lucene's word list trims each line (characters <= U+0020), so this stop word would change");
        if (word.startsWith("#") || word.charAt(0) == '\uFEFF') file.append(' ');
        file.append(word).append('\n');
      }
      return writeResource("stopwords", file.toString());
    }

    String writeResource(String kind, String content) throws IOException {
      // no commas: Lucene's factories split the file parameter on commas
      String name = kind + "-" + (files++) + ".txt";
      Files.writeString(resources.resolve(name), content, StandardCharsets.UTF_8);
      return name;
    }
  }

  // ---------------------------------------------------------------- engine parameter rules

  /** Elasticsearch's mapping rule syntax: the last "=>" separates, both sides trimmed. */
  static final Pattern MAPPING_RULE = Pattern.compile("(.*)\\s*=>\\s*(.*)\\s*$");

  static String[] parseMappingRule(String rule, String where) {
    Matcher m = MAPPING_RULE.matcher(rule);
    if (!m.find()) throw new ParityError(where + ": invalid mapping rule " + Json.quote(rule) + " (expected \"lhs => rhs\")");
    String lhs = unescapeMapping(m.group(1).trim(), where);
    String rhs = unescapeMapping(m.group(2).trim(), where);
    if (lhs.isEmpty()) throw new ParityError(where + ": invalid mapping rule " + Json.quote(rule) + ": the left side is empty");
    return new String[] { lhs, rhs };
  }

  /** \\ \n \t \r \b \f and \\uXXXX (four hex digits); any other escaped char stands for itself. */
  static String unescapeMapping(String s, String where) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (++i >= s.length()) throw new ParityError(where + ": a lone backslash at the end of " + Json.quote(s));
      c = s.charAt(i);
      switch (c) {
        case 'n': out.append('\n'); break;
        case 't': out.append('\t'); break;
        case 'r': out.append('\r'); break;
        case 'b': out.append('\b'); break;
        case 'f': out.append('\f'); break;
        case 'u': {
          if (i + 4 >= s.length()) {
            throw new ParityError(where + ": \\u needs four hex digits in " + Json.quote(s));
          }
          String hex = s.substring(i + 1, i + 5);
          if (!hex.matches("[0-9A-Fa-f]{4}")) throw new ParityError(where + ": \\u needs four hex digits in " + Json.quote(s) + ", got \"" + hex + "\"");
          out.append((char) Integer.parseInt(hex, 16));
          i += 4;
          break;
        }
        default: out.append(c); // \\ and any other escaped char stand for themselves
      }
    }
    return out.toString();
  }

  /** Every char as a \\uXXXX escape: Lucene's mapping-file parser reads them back losslessly. */
  static String escapeAll(String s) {
    StringBuilder out = new StringBuilder(s.length() * 6);
    for (int i = 0; i < s.length(); i++) out.append(String.format("\\u%04X", (int) s.charAt(i)));
    return out.toString();
  }

  /** Elasticsearch's regex flag names (Regex.flagsFromString) and their inline equivalents. */
  static final Map<String, String> INLINE_FLAGS = Map.of(
      "CASE_INSENSITIVE", "i",
      "MULTILINE", "m",
      "DOTALL", "s",
      "UNICODE_CASE", "u",
      "UNIX_LINES", "d",
      "COMMENTS", "x",
      "UNICODE_CHAR_CLASS", "U",
      "UNICODE_CHARACTER_CLASS", "U");

  /**
   * The pattern, with `flags` (names joined with |, as Elasticsearch takes them) turned into an
   * inline prefix such as (?ix): Lucene's factories compile patterns without flags.
   */
  static String pattern(Map<String, Object> def, String where, String fallback) {
    String pattern = def.containsKey("pattern") ? asString(def.get("pattern"), where + " pattern") : fallback;
    if (pattern == null) throw new ParityError(where + ": `pattern` is required");
    String flags = optionalString(def, "flags", "", where);
    StringBuilder inline = new StringBuilder();
    for (String flag : flags.split("\\|")) {
      String f = flag.trim().toUpperCase(java.util.Locale.ROOT);
      if (f.isEmpty()) continue;
      if (f.equals("CANON_EQ") || f.equals("LITERAL")) throw new ParityError(where + ": regex flag " + f + " has no inline form and is not supported");
      String letter = INLINE_FLAGS.get(f);
      if (letter == null) throw new ParityError(where + ": unknown regex flag \"" + flag.trim() + "\" (known: " + new java.util.TreeSet<>(INLINE_FLAGS.keySet()) + ")");
      if (inline.indexOf(letter) < 0) inline.append(letter);
    }
    String full = inline.length() == 0 ? pattern : "(?" + inline + ")" + pattern;
    try {
      Pattern.compile(full);
    } catch (PatternSyntaxException e) {
      throw new ParityError(where + ": the pattern does not compile in Java: " + e.getDescription() + " near index " + e.getIndex() + " of " + Json.quote(full));
    }
    return full;
  }

  // ---------------------------------------------------------------- running the analyzer

  static long[] analyzeAll(CustomAnalyzer analyzer, Path input, Path output) throws IOException {
    long texts = 0;
    long tokens = 0;
    StringBuilder line = new StringBuilder(1 << 16);
    try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8);
        BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      String raw;
      while ((raw = in.readLine()) != null) {
        texts++;
        Object parsed;
        try {
          parsed = Json.parse(raw);
        } catch (ParityError e) {
          throw new ParityError("input line " + texts + ": " + e.getMessage());
        }
        if (!(parsed instanceof String)) throw new ParityError("input line " + texts + ": expected a JSON string, got " + Json.typeName(parsed));
        line.setLength(0);
        line.append('[');
        try (TokenStream stream = analyzer.tokenStream("text", (String) parsed)) {
          CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
          OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
          PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
          stream.reset();
          int position = -1;
          boolean first = true;
          while (stream.incrementToken()) {
            position += increment.getPositionIncrement();
            if (!first) line.append(',');
            first = false;
            line.append('[');
            Json.appendString(line, term);
            line.append(',').append(offset.startOffset()).append(',').append(offset.endOffset()).append(',').append(position).append(']');
            tokens++;
          }
          stream.end();
        }
        line.append("]\n");
        out.append(line);
      }
    }
    return new long[] { texts, tokens };
  }

  // ---------------------------------------------------------------- small helpers

  static void checkKeys(Map<String, Object> def, String where, Set<String> allowed) {
    for (String key : def.keySet()) {
      if (!allowed.contains(key)) throw new ParityError(where + ": unsupported parameter \"" + key + "\" (supported: " + new java.util.TreeSet<>(allowed) + ")");
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asObject(Object value, String where) {
    if (value instanceof Map) return (Map<String, Object>) value;
    throw new ParityError(where + ": expected an object, got " + Json.typeName(value));
  }

  static Map<String, Object> optionalObject(Map<String, Object> parent, String key, String where) {
    Object value = parent.get(key);
    return value == null || value == Json.NULL ? null : asObject(value, where + "." + key);
  }

  static String asString(Object value, String where) {
    if (value instanceof String) return (String) value;
    throw new ParityError(where + ": expected a string, got " + Json.typeName(value));
  }

  static String optionalString(Map<String, Object> def, String key, String fallback, String where) {
    return def.containsKey(key) ? asString(def.get(key), where + " " + key) : fallback;
  }

  /** An integer given as a JSON number or a string of digits, as the engines accept both. */
  static long optionalInt(Map<String, Object> def, String key, long fallback, String where) {
    if (!def.containsKey(key)) return fallback;
    Object value = def.get(key);
    String text = value instanceof Json.Num ? ((Json.Num) value).text : value instanceof String ? ((String) value).trim() : null;
    if (text != null && text.matches("-?\\d{1,10}")) {
      long n = Long.parseLong(text);
      if (n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE) return n;
    }
    throw new ParityError(where + ": `" + key + "` must be an integer, got " + Json.typeName(value) + " " + value);
  }

  /** A boolean given as true/false or "true"/"false". */
  static boolean optionalBoolean(Map<String, Object> def, String key, boolean fallback, String where) {
    if (!def.containsKey(key)) return fallback;
    Object value = def.get(key);
    if (value instanceof Boolean) return (Boolean) value;
    if ("true".equals(value)) return true;
    if ("false".equals(value)) return false;
    throw new ParityError(where + ": `" + key + "` must be true or false, got " + Json.typeName(value) + " " + value);
  }

  /** The analyzer's char_filter/filter: an array of names, a single name, or absent. */
  static List<String> nameList(Object value, String where) {
    if (value == null || value == Json.NULL) return List.of();
    if (value instanceof String) return List.of((String) value);
    return stringList(value, where);
  }

  static List<String> stringList(Object value, String where) {
    if (!(value instanceof List)) throw new ParityError(where + ": expected an array of strings, got " + Json.typeName(value));
    List<String> out = new ArrayList<>();
    List<?> list = (List<?>) value;
    for (int i = 0; i < list.size(); i++) out.add(asString(list.get(i), where + "[" + i + "]"));
    return out;
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // best effort: a temp directory left behind is harmless
    }
  }

  // ---------------------------------------------------------------- a tiny JSON reader and writer

  /** JSON values as Map (insertion order), List, String, Json.Num, Boolean and Json.NULL. */
  static final class Json {
    static final Object NULL = new Object() {
      @Override
      public String toString() {
        return "null";
      }
    };

    /** A number, kept as written. */
    static final class Num {
      final String text;

      Num(String text) {
        this.text = text;
      }

      @Override
      public String toString() {
        return text;
      }
    }

    private final String s;
    private int i = 0;

    private Json(String s) {
      this.s = s;
    }

    static Object parse(String text) {
      Json p = new Json(text);
      if (p.s.startsWith("\uFEFF")) p.i = 1;
      Object value = p.value();
      p.space();
      if (p.i != p.s.length()) throw p.error("unexpected text after the value");
      return value;
    }

    static String typeName(Object value) {
      if (value == null) return "nothing";
      if (value == NULL) return "null";
      if (value instanceof Map) return "an object";
      if (value instanceof List) return "an array";
      if (value instanceof String) return "a string";
      if (value instanceof Num) return "a number";
      if (value instanceof Boolean) return "a boolean";
      return value.getClass().getSimpleName();
    }

    private ParityError error(String message) {
      return new ParityError("JSON: " + message + " at offset " + i);
    }

    private void space() {
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
        i++;
      }
    }

    private Object value() {
      space();
      if (i >= s.length()) throw error("unexpected end");
      char c = s.charAt(i);
      switch (c) {
        case '{': return object();
        case '[': return array();
        case '"': return string();
        case 't': return literal("true", Boolean.TRUE);
        case 'f': return literal("false", Boolean.FALSE);
        case 'n': return literal("null", NULL);
        default:
          if (c == '-' || (c >= '0' && c <= '9')) return number();
          throw error("unexpected character '" + c + "'");
      }
    }

    private Object literal(String word, Object value) {
      if (!s.startsWith(word, i)) throw error("expected " + word);
      i += word.length();
      return value;
    }

    private static final Pattern NUMBER = Pattern.compile("-?(?:0|[1-9]\\d*)(?:\\.\\d+)?(?:[eE][+-]?\\d+)?");

    private Object number() {
      Matcher m = NUMBER.matcher(s);
      m.region(i, s.length());
      if (!m.lookingAt()) throw error("bad number");
      i = m.end();
      return new Num(m.group());
    }

    private Map<String, Object> object() {
      Map<String, Object> out = new LinkedHashMap<>();
      i++;
      space();
      if (i < s.length() && s.charAt(i) == '}') {
        i++;
        return out;
      }
      while (true) {
        space();
        if (i >= s.length() || s.charAt(i) != '"') throw error("expected a key");
        String key = string();
        space();
        if (i >= s.length() || s.charAt(i) != ':') throw error("expected ':'");
        i++;
        out.put(key, value());
        space();
        if (i >= s.length()) throw error("unexpected end in an object");
        char c = s.charAt(i++);
        if (c == '}') return out;
        if (c != ',') throw error("expected ',' or '}'");
      }
    }

    private List<Object> array() {
      List<Object> out = new ArrayList<>();
      i++;
      space();
      if (i < s.length() && s.charAt(i) == ']') {
        i++;
        return out;
      }
      while (true) {
        out.add(value());
        space();
        if (i >= s.length()) throw error("unexpected end in an array");
        char c = s.charAt(i++);
        if (c == ']') return out;
        if (c != ',') throw error("expected ',' or ']'");
      }
    }

    /** A string; \\uXXXX escapes give UTF-16 units, so surrogate pairs (and lone ones) survive. */
    private String string() {
      i++;
      StringBuilder out = new StringBuilder();
      while (true) {
        if (i >= s.length()) throw error("unterminated string");
        char c = s.charAt(i++);
        if (c == '"') return out.toString();
        if (c < 0x20) throw error("raw control character in a string");
        if (c != '\\') {
          out.append(c);
          continue;
        }
        if (i >= s.length()) throw error("unterminated escape");
        char e = s.charAt(i++);
        switch (e) {
          case '"': out.append('"'); break;
          case '\\': out.append('\\'); break;
          case '/': out.append('/'); break;
          case 'b': out.append('\b'); break;
          case 'f': out.append('\f'); break;
          case 'n': out.append('\n'); break;
          case 'r': out.append('\r'); break;
          case 't': out.append('\t'); break;
          case 'u': {
            if (i + 4 > s.length()) throw error("short \\u escape");
            int code = 0;
            for (int k = 0; k < 4; k++) {
              int d = Character.digit(s.charAt(i + k), 16);
              if (d < 0) throw error("bad \\u escape");
              code = code * 16 + d;
            }
            i += 4;
            out.append((char) code);
            break;
          }
          default: throw error("bad escape \\" + e);
        }
      }
    }

    /** A JSON string literal: raw UTF-8 for valid text; escapes for controls and lone surrogates. */
    static void appendString(StringBuilder out, CharSequence text) {
      out.append('"');
      int n = text.length();
      for (int k = 0; k < n; k++) {
        char c = text.charAt(k);
        if (c == '"' || c == '\\') {
          out.append('\\').append(c);
        } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
          appendEscape(out, c);
        } else if (Character.isHighSurrogate(c) && k + 1 < n && Character.isLowSurrogate(text.charAt(k + 1))) {
          out.append(c).append(text.charAt(++k));
        } else if (Character.isSurrogate(c)) {
          appendEscape(out, c);
        } else {
          out.append(c);
        }
      }
      out.append('"');
    }

    private static void appendEscape(StringBuilder out, char c) {
      out.append("\\u");
      String hex = Integer.toHexString(c);
      for (int pad = hex.length(); pad < 4; pad++) out.append('0');
      out.append(hex);
    }

    static String quote(String text) {
      StringBuilder out = new StringBuilder();
      appendString(out, text);
      return out.toString();
    }
  }
}
