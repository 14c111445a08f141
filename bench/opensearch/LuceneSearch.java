import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * Searches a retrieval set in plain Lucene the way Elasticsearch/OpenSearch would with the index
 * definition that fahras's indexSettings() generates, for bench/opensearch.mjs.
 *
 * <pre>
 * java -cp lucene-core-8*.jar:lucene-analyzers-common-8*.jar:lucene-queryparser-8*.jar:classes \
 *   LuceneSearch definition.json docs.jsonl queries.jsonl output.jsonl exactBoost k
 * </pre>
 *
 * definition.json: {"settings": {"analysis": …}, "mappings": {"properties": …}}. Each mapped text
 * field is indexed with its analyzer, each subfield (`title.exact`) with its own, through a
 * per-field analyzer wrapper (FahrasParity.build builds the analyzers). docs.jsonl: {"id",
 * <field>: text, …} a line; queries.jsonl: {"id","text"} a line.
 *
 * Runs, each a list of document ids best first (at most k), one output line per query:
 * - "stems": the question analyzed per field as a match query does (QueryBuilder: one SHOULD
 *   clause per term), over the top-level fields, field scores summed: multi_match, type
 *   most_fields, operator or.
 * - "stems+exact": the same, plus every subfield with boost exactBoost.
 * - "stems+exact+rescore": the same, then its first RESCORE_WINDOW hits rescored as a
 *   `rescore` clause of docs/scaling.md does (QueryRescorer, score_mode multiply): each score ×
 *   (1 + PAIR_WEIGHT × the pairs of consecutive query terms found within PAIR_SLOP of each other
 *   in a top-level field, a sloppy phrase of two terms; a pair counts once).
 * - "arabic": Lucene's ArabicAnalyzer on all fields joined in one (title + " \n" + text), the
 *   question escaped for the classic QueryParser: what ../shared/tools/lucene-reference runs.
 * Similarity: the fahras runs use the BM25 of the definition's settings.similarity (k1 and b, the
 * mapping's `similarity`); "arabic" Lucene's default, BM25 (k1 = 1.2, b = 0.75).
 *
 * stdout: one JSON line with the Lucene and Java versions and timings.
 */
public final class LuceneSearch {

  static final String ID = "id";
  static final String BODY = "body";
  /** The rescore clause of docs/scaling.md: its window, the slop of a pair, the weight of a pair. */
  static final int RESCORE_WINDOW = 10;
  static final int PAIR_SLOP = 15;
  static final float PAIR_WEIGHT = 0.2f;

  public static void main(String[] args) throws Exception {
    if (args.length != 6) {
      System.err.println("usage: LuceneSearch <definition.json> <docs.jsonl> <queries.jsonl> <output.jsonl> <exactBoost> <k>");
      System.exit(64);
    }
    Path definitionFile = Paths.get(args[0]);
    List<Map<String, Object>> docs = readJsonl(Paths.get(args[1]));
    List<Map<String, Object>> queries = readJsonl(Paths.get(args[2]));
    float exactBoost = Float.parseFloat(args[4]);
    int k = Integer.parseInt(args[5]);

    // fields and subfields of the mapping, with their analyzers
    Map<String, Object> definition = FahrasParity.asObject(FahrasParity.Json.parse(Files.readString(definitionFile, StandardCharsets.UTF_8)), "the definition");
    Map<String, Object> properties = FahrasParity.asObject(FahrasParity.asObject(definition.get("mappings"), "mappings").get("properties"), "mappings.properties");
    BM25Similarity similarity = similarityOf(definition);
    Map<String, String> fieldAnalyzer = new LinkedHashMap<>(); // field -> analyzer name
    Map<String, String> subfieldOf = new LinkedHashMap<>(); // "title.exact" -> "title"
    for (Map.Entry<String, Object> field : properties.entrySet()) {
      Map<String, Object> mapping = FahrasParity.asObject(field.getValue(), "mapping of " + field.getKey());
      fieldAnalyzer.put(field.getKey(), FahrasParity.asString(mapping.get("analyzer"), "analyzer of " + field.getKey()));
      Map<String, Object> subfields = FahrasParity.optionalObject(mapping, "fields", "mapping of " + field.getKey());
      if (subfields == null) continue;
      for (Map.Entry<String, Object> sub : subfields.entrySet()) {
        String name = field.getKey() + "." + sub.getKey();
        Map<String, Object> subMapping = FahrasParity.asObject(sub.getValue(), "mapping of " + name);
        fieldAnalyzer.put(name, FahrasParity.asString(subMapping.get("analyzer"), "analyzer of " + name));
        subfieldOf.put(name, field.getKey());
      }
    }
    Map<String, Analyzer> built = new LinkedHashMap<>(); // analyzer name -> analyzer
    Map<String, Analyzer> perField = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : fieldAnalyzer.entrySet()) {
      Analyzer analyzer = built.get(e.getValue());
      if (analyzer == null) {
        analyzer = FahrasParity.build(definitionFile, e.getValue());
        built.put(e.getValue(), analyzer);
      }
      perField.put(e.getKey(), analyzer);
    }
    Analyzer fahras = new PerFieldAnalyzerWrapper(new ArabicAnalyzer(), perField);
    Analyzer arabic = new ArabicAnalyzer();
    List<String> textFields = new ArrayList<>();
    for (String f : fieldAnalyzer.keySet()) if (!subfieldOf.containsKey(f)) textFields.add(f);

    // indexes
    long t0 = System.nanoTime();
    ByteBuffersDirectory fahrasStore = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(fahrasStore, new IndexWriterConfig(fahras).setSimilarity(similarity))) {
      for (Map<String, Object> d : docs) {
        Document doc = new Document();
        doc.add(new StringField(ID, text(d, ID), Field.Store.YES));
        for (String f : fieldAnalyzer.keySet()) {
          String source = subfieldOf.getOrDefault(f, f);
          doc.add(new TextField(f, text(d, source), Field.Store.NO));
        }
        w.addDocument(doc);
      }
    }
    long t1 = System.nanoTime();
    ByteBuffersDirectory arabicStore = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(arabicStore, new IndexWriterConfig(arabic))) {
      for (Map<String, Object> d : docs) {
        Document doc = new Document();
        doc.add(new StringField(ID, text(d, ID), Field.Store.YES));
        StringBuilder body = new StringBuilder();
        for (String f : textFields) {
          if (body.length() > 0) body.append(" \n");
          body.append(text(d, f));
        }
        doc.add(new TextField(BODY, body.toString(), Field.Store.NO));
        w.addDocument(doc);
      }
    }
    long t2 = System.nanoTime();

    // queries
    IndexSearcher fahrasSearcher = new IndexSearcher(DirectoryReader.open(fahrasStore));
    fahrasSearcher.setSimilarity(similarity);
    IndexSearcher arabicSearcher = new IndexSearcher(DirectoryReader.open(arabicStore));
    String[] fahrasIds = storedIds(fahrasSearcher);
    String[] arabicIds = storedIds(arabicSearcher);
    Map<String, QueryBuilder> builders = new LinkedHashMap<>();
    for (Map.Entry<String, Analyzer> e : perField.entrySet()) builders.put(e.getKey(), new QueryBuilder(e.getValue()));
    QueryParser parser = new QueryParser(BODY, arabic);
    long[] nanos = new long[4];
    int parseErrors = 0;
    try (BufferedWriter out = Files.newBufferedWriter(Paths.get(args[3]), StandardCharsets.UTF_8)) {
      StringBuilder line = new StringBuilder(1 << 14);
      for (Map<String, Object> q : queries) {
        String question = text(q, "text");
        line.setLength(0);
        line.append("{\"id\":");
        FahrasParity.Json.appendString(line, text(q, ID));

        long s = System.nanoTime();
        Query stems = mostFields(builders, textFields, subfieldOf, question, 0f);
        appendRun(line, "stems", fahrasSearcher, stems, k, fahrasIds);
        long e1 = System.nanoTime();
        Query stemsExact = mostFields(builders, textFields, subfieldOf, question, exactBoost);
        appendRun(line, "stems+exact", fahrasSearcher, stemsExact, k, fahrasIds);
        long e2 = System.nanoTime();
        appendRescored(line, "stems+exact+rescore", fahrasSearcher, stemsExact, pairs(perField, textFields, question), k, fahrasIds);
        long e4 = System.nanoTime();
        nanos[3] += e4 - e2;
        e2 = e4;
        Query reference;
        try {
          reference = parser.parse(QueryParser.escape(question));
        } catch (ParseException ex) {
          reference = null;
          parseErrors++;
        }
        appendRun(line, "arabic", arabicSearcher, reference, k, arabicIds);
        long e3 = System.nanoTime();
        nanos[0] += e1 - s;
        nanos[1] += e2 - e1;
        nanos[2] += e3 - e2;
        line.append("}\n");
        out.append(line);
      }
    }
    int n = Math.max(1, queries.size());
    System.out.printf(Locale.ROOT,
        "{\"lucene\":\"%s\",\"java\":\"%s\",\"docs\":%d,\"queries\":%d,\"parseErrors\":%d,"
            + "\"indexMs\":{\"fahras\":%.1f,\"arabic\":%.1f},\"meanQueryMs\":{\"stems\":%.3f,\"stems+exact\":%.3f,\"arabic\":%.3f,\"stems+exact+rescore\":%.3f}}%n",
        org.apache.lucene.util.Version.LATEST, System.getProperty("java.version"), docs.size(), queries.size(), parseErrors,
        (t1 - t0) / 1e6, (t2 - t1) / 1e6, nanos[0] / 1e6 / n, nanos[1] / 1e6 / n, nanos[2] / 1e6 / n, nanos[3] / 1e6 / n);
  }

  /**
   * multi_match, type most_fields, operator or: a match query per field (SHOULD clauses of the
   * analyzed terms), summed; subfields only when subfieldBoost > 0, with that boost.
   */
  static Query mostFields(Map<String, QueryBuilder> builders, List<String> textFields, Map<String, String> subfieldOf, String question, float subfieldBoost) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    int clauses = 0;
    for (Map.Entry<String, QueryBuilder> e : builders.entrySet()) {
      boolean sub = subfieldOf.containsKey(e.getKey());
      if (sub && subfieldBoost <= 0) continue;
      Query q = e.getValue().createBooleanQuery(e.getKey(), question, BooleanClause.Occur.SHOULD);
      if (q == null) continue; // no terms: the field adds nothing
      all.add(sub ? new BoostQuery(q, subfieldBoost) : q, BooleanClause.Occur.SHOULD);
      clauses++;
    }
    return clauses == 0 ? null : all.build();
  }

  /** The BM25 of the definition's settings.similarity (its first entry), else Lucene's default. */
  static BM25Similarity similarityOf(Map<String, Object> definition) {
    Map<String, Object> settings = FahrasParity.optionalObject(definition, "settings", "the definition");
    Map<String, Object> similarities = settings == null ? null : FahrasParity.optionalObject(settings, "similarity", "settings");
    if (similarities == null || similarities.isEmpty()) return new BM25Similarity();
    Map<String, Object> bm25 = FahrasParity.asObject(similarities.values().iterator().next(), "settings.similarity");
    // numbers come as written (FahrasParity.Json.Num)
    return new BM25Similarity(Float.parseFloat(String.valueOf(bm25.get("k1"))), Float.parseFloat(String.valueOf(bm25.get("b"))));
  }

  /**
   * The rescore query: a sloppy phrase (slop PAIR_SLOP) of each two consecutive terms of the
   * question as each top-level field's analyzer gives them, each scoring 1 when found: the number
   * of close pairs (null when the question has fewer than two terms).
   */
  static Query pairs(Map<String, Analyzer> perField, List<String> textFields, String question) throws IOException {
    // the pairs of consecutive terms, each searched in every top-level field (a multi_match of type phrase)
    Map<List<String>, BooleanQuery.Builder> byPair = new LinkedHashMap<>();
    for (String field : textFields) {
      List<String> terms = new ArrayList<>();
      try (TokenStream ts = perField.get(field).tokenStream(field, question)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        ts.reset();
        while (ts.incrementToken()) terms.add(term.toString());
        ts.end();
      }
      for (int i = 0; i + 1 < terms.size(); i++) {
        if (terms.get(i).equals(terms.get(i + 1))) continue;
        byPair.computeIfAbsent(List.of(terms.get(i), terms.get(i + 1)), (p) -> new BooleanQuery.Builder())
            .add(new PhraseQuery(PAIR_SLOP, field, terms.get(i), terms.get(i + 1)), BooleanClause.Occur.SHOULD);
      }
    }
    if (byPair.isEmpty()) return null;
    // each pair found counts 1 (a function_score filter with weight PAIR_WEIGHT, the weight applied in combine)
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (BooleanQuery.Builder pair : byPair.values()) all.add(new ConstantScoreQuery(pair.build()), BooleanClause.Occur.SHOULD);
    return all.build();
  }

  /** Like appendRun, the first RESCORE_WINDOW hits rescored by the pairs query (score × (1 + PAIR_WEIGHT × pairs)). */
  static void appendRescored(StringBuilder line, String name, IndexSearcher searcher, Query query, Query pairs, int k, String[] ids) throws IOException {
    line.append(",\"").append(name).append("\":[");
    if (query != null) {
      TopDocs top = searcher.search(query, k);
      ScoreDoc[] hits = top.scoreDocs;
      if (pairs != null && hits.length > 0) {
        int window = Math.min(RESCORE_WINDOW, hits.length);
        ScoreDoc[] head = java.util.Arrays.copyOf(hits, window);
        QueryRescorer rescorer = new QueryRescorer(pairs) {
          @Override
          protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
            return secondPassMatches ? firstPassScore * (1 + PAIR_WEIGHT * secondPassScore) : firstPassScore;
          }
        };
        ScoreDoc[] rescored = rescorer.rescore(searcher, new TopDocs(top.totalHits, head), window).scoreDocs;
        System.arraycopy(rescored, 0, hits, 0, window);
      }
      for (int i = 0; i < hits.length; i++) {
        if (i > 0) line.append(',');
        FahrasParity.Json.appendString(line, ids[hits[i].doc]);
      }
    }
    line.append(']');
  }

  static void appendRun(StringBuilder line, String name, IndexSearcher searcher, Query query, int k, String[] ids) throws IOException {
    line.append(",\"").append(name).append("\":[");
    if (query != null) {
      ScoreDoc[] hits = searcher.search(query, k).scoreDocs;
      for (int i = 0; i < hits.length; i++) {
        if (i > 0) line.append(',');
        FahrasParity.Json.appendString(line, ids[hits[i].doc]);
      }
    }
    line.append(']');
  }

  /** The id of each document, by Lucene doc number (one segment or several, read once). */
  static String[] storedIds(IndexSearcher searcher) throws IOException {
    int max = searcher.getIndexReader().maxDoc();
    String[] ids = new String[max];
    for (int i = 0; i < max; i++) ids[i] = searcher.doc(i).get(ID);
    return ids;
  }

  static String text(Map<String, Object> record, String key) {
    Object value = record.get(key);
    if (value == null || value == FahrasParity.Json.NULL) return "";
    return value instanceof String ? (String) value : value.toString();
  }

  static List<Map<String, Object>> readJsonl(Path file) throws IOException {
    List<Map<String, Object>> out = new ArrayList<>();
    int n = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      n++;
      if (line.isBlank()) continue;
      out.add(FahrasParity.asObject(FahrasParity.Json.parse(line), file.getFileName() + " line " + n));
    }
    return out;
  }
}
