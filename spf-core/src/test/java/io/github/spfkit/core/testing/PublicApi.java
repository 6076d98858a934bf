package io.github.spfkit.core.testing;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds where a public API mentions types it promises to keep to itself (spf-dns's dnsjava,
 * spf-diagnosis's mime4j). Shared with the other modules' tests through spf-core's test jar.
 */
public final class PublicApi {
  private PublicApi() {}

  /**
   * Every public method, constructor and field of {@code api} whose signature names a type whose
   * name contains {@code foreign}.
   *
   * @param api the public types to inspect
   * @param foreign a package prefix, e.g. {@code org.xbill}
   * @return one line per mention, e.g. {@code Type.method: org.xbill.DNS.Name}; empty when none
   */
  public static List<String> mentionsOf(List<Class<?>> api, String foreign) {
    List<String> mentions = new ArrayList<>();
    for (Class<?> type : api) {
      for (Method method : type.getMethods()) {
        List<Type> types = new ArrayList<>(List.of(method.getGenericParameterTypes()));
        types.add(method.getGenericReturnType());
        types.addAll(List.of(method.getGenericExceptionTypes()));
        types.stream()
            .filter(t -> t.getTypeName().contains(foreign))
            .forEach(t -> mentions.add(type.getSimpleName() + "." + method.getName() + ": " + t));
      }
      for (Constructor<?> constructor : type.getConstructors()) {
        for (Type parameter : constructor.getGenericParameterTypes()) {
          if (parameter.getTypeName().contains(foreign)) {
            mentions.add(type.getSimpleName() + " constructor: " + parameter);
          }
        }
      }
      for (Field field : type.getFields()) {
        if (field.getGenericType().getTypeName().contains(foreign)) {
          mentions.add(type.getSimpleName() + "." + field.getName() + ": " + field.getGenericType());
        }
      }
    }
    return mentions;
  }
}
