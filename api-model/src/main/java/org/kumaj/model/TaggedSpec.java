package org.kumaj.model;

import java.util.List;
import java.util.Map;

/**
 * A spec carrying Kuma tags (Dataplanes, ExternalServices): what the API's {@code tag=key:value}
 * list filter looks at.
 */
public interface TaggedSpec extends ResourceSpec {
  /** Every tag set of the resource (e.g. one per inbound). */
  List<Map<String, String>> tagSets();
}
