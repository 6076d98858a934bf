package io.github.spfkit.examples.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --dns HOST[:PORT]}; a malformed value is a usage error. Stateless. */
final class DnsServerConverter implements ITypeConverter<DnsServer> {

  /** Creates the converter (picocli instantiates it). */
  DnsServerConverter() {}

  @Override
  public DnsServer convert(String value) {
    try {
      return DnsServer.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
