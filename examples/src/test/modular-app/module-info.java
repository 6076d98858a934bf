/** A small application that uses spfkit from the module path, as the root README shows. */
module com.example.mail {
  requires io.github.spfkit.dns;
  requires io.github.spfkit.diagnosis;
}
