// The reference the selection-pattern tester is compared with: java.util.regex, as API Gateway uses it.
// Reads lines "base64(pattern)<TAB>base64(input)" from stdin and prints, per line, "T" or "F" for
// Pattern.compile(pattern).matcher(input).matches(), or "E" and the PatternSyntaxException's description.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

public final class JavaRegexOracle {
  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    Base64.Decoder b64 = Base64.getDecoder();
    Map<String, Object> compiled = new HashMap<>();
    StringBuilder out = new StringBuilder();
    String line;
    while ((line = in.readLine()) != null) {
      int tab = line.indexOf('\t');
      String pattern = new String(b64.decode(line.substring(0, tab)), StandardCharsets.UTF_8);
      String input = new String(b64.decode(line.substring(tab + 1)), StandardCharsets.UTF_8);
      Object p = compiled.get(pattern);
      if (p == null) {
        try {
          p = Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
          p = e.getDescription();
        }
        compiled.put(pattern, p);
      }
      if (p instanceof Pattern) {
        boolean matches;
        try {
          matches = ((Pattern) p).matcher(input).matches();
        } catch (StackOverflowError e) {
          out.append("S\n");
          continue;
        }
        out.append(matches ? "T\n" : "F\n");
      } else {
        out.append("E ").append(((String) p).replace('\n', ' ')).append('\n');
      }
    }
    System.out.print(out);
  }
}
