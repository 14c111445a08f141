import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.Version;

/**
 * The Lucene row of the quality benchmark (bench/lucene/run.mjs, `npm run bench:lucene`): what an
 * Elasticsearch, OpenSearch or Solr user gets for Arabic with Lucene's own analyzer.
 *
 * <pre>
 * java -cp lucene-core-8*.jar:lucene-analyzers-common-8*.jar:lucene-queryparser-8*.jar:classes \
 *   LuceneBm25Run arabic|standard docs.tsv queries.tsv runs.tsv k
 * </pre>
 *
 * docs.tsv: id TAB title TAB text a line; queries.tsv: id TAB question a line (tabs and line
 * breaks inside a field already replaced by spaces). Each document is indexed as one field
 * holding its title, a line break and its text, with ArabicAnalyzer (or StandardAnalyzer) and
 * Lucene's default similarity, BM25 (k1 = 1.2, b = 0.75). Each question is escaped and parsed by
 * the classic QueryParser on that field: one SHOULD clause per analyzed term (an OR query).
 *
 * runs.tsv: one line per question, its id and then the ids of the first k documents, best first,
 * tab-separated (a question that fails to parse has no documents). stdout: one JSON line with the
 * versions, counts and timings. The scores are computed by the caller, from the runs.
 */
public final class LuceneBm25Run {
  private static final String ID = "id";
  private static final String BODY = "body";

  private LuceneBm25Run() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 5) {
      System.err.println("usage: LuceneBm25Run arabic|standard docs.tsv queries.tsv runs.tsv k");
      System.exit(2);
    }
    Analyzer analyzer = analyzer(args[0]);
    List<String> docs = Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8);
    List<String> questions = Files.readAllLines(Paths.get(args[2]), StandardCharsets.UTF_8);
    Path output = Paths.get(args[3]);
    int k = Integer.parseInt(args[4]);

    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    long indexStart = System.nanoTime();
    int indexed = 0;
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      for (String line : docs) {
        if (line.isEmpty()) continue;
        String[] cells = line.split("\t", -1);
        if (cells.length != 3) throw new IllegalArgumentException("docs.tsv: expected id, title, text; got " + cells.length + " cells");
        Document doc = new Document();
        doc.add(new StoredField(ID, cells[0]));
        doc.add(new TextField(BODY, cells[1] + "\n" + cells[2], Field.Store.NO));
        writer.addDocument(doc);
        indexed++;
      }
    }
    long indexNanos = System.nanoTime() - indexStart;

    int asked = 0;
    int unparsed = 0;
    long queryStart = System.nanoTime();
    try (DirectoryReader reader = DirectoryReader.open(directory);
        BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      QueryParser parser = new QueryParser(BODY, analyzer); // default operator: OR
      for (String line : questions) {
        if (line.isEmpty()) continue;
        int tab = line.indexOf('\t');
        if (tab < 0) throw new IllegalArgumentException("queries.tsv: expected id, question");
        StringBuilder row = new StringBuilder(line.substring(0, tab));
        asked++;
        Query query = null;
        try {
          query = parser.parse(QueryParser.escape(line.substring(tab + 1)));
        } catch (ParseException e) {
          unparsed++;
        }
        if (query != null) {
          for (ScoreDoc hit : searcher.search(query, k).scoreDocs) row.append('\t').append(searcher.doc(hit.doc).get(ID));
        }
        out.write(row.append('\n').toString());
      }
    }
    long queryNanos = System.nanoTime() - queryStart;
    System.out.printf(Locale.ROOT,
        "{\"lucene\":\"%s\",\"java\":\"%s\",\"analyzer\":\"%s\",\"docs\":%d,\"queries\":%d,\"unparsed\":%d,\"indexMs\":%.1f,\"meanQueryMs\":%.3f}%n",
        Version.LATEST, System.getProperty("java.version"), args[0], indexed, asked, unparsed,
        indexNanos / 1e6, queryNanos / 1e6 / Math.max(1, asked));
  }

  static Analyzer analyzer(String name) {
    switch (name) {
      case "arabic": return new ArabicAnalyzer();
      case "standard": return new StandardAnalyzer();
      default: throw new IllegalArgumentException("analyzer: arabic or standard, not " + name);
    }
  }
}
