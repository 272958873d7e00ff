package org.kumaj.model;

import java.util.Objects;
import java.util.Optional;
import org.kumaj.model.validation.SpecValidator;

/**
 * The descriptor of one resource type: the single source of truth from which REST routes, kumactl
 * verbs, KDS direction, read-only rules and {@code /_resources} are derived.
 *
 * <p>Instances are immutable and thread-safe. Each type declares its descriptor once as a
 * {@code TYPE} constant; {@link ResourceTypes} lists them all.
 */
public final class ResourceType {
  private final String name;
  private final Scope scope;
  private final SpecStyle style;
  private final Class<? extends ResourceSpec> specClass;
  private final String wsPath;
  private final String alternativeWsPath;
  private final String kumactlArg;
  private final String kumactlListArg;
  private final String kumactlAlias;
  private final String kumactlListAlias;
  private final boolean allowToInspect;
  private final String shortName;
  private final String singularDisplayName;
  private final String pluralDisplayName;
  private final int kdsFlags;
  private final boolean readOnly;
  private final boolean adminOnly;
  private final boolean hasStatus;
  private final PolicyTraits policy;
  private final String ownerTypeName;
  private final String insightTypeName;
  private final SpecValidator<? extends ResourceSpec> validator;
  private final boolean kubernetesNamespaced;
  private final Class<?> statusClass;
  private final Object emptyStatus;
  private final String specDefaults;

  private ResourceType(Builder b) {
    this.name = Objects.requireNonNull(b.name);
    this.scope = Objects.requireNonNull(b.scope, "scope of " + b.name);
    this.style = Objects.requireNonNull(b.style, "style of " + b.name);
    this.specClass = Objects.requireNonNull(b.specClass, "spec class of " + b.name);
    this.wsPath = b.wsPath;
    this.alternativeWsPath = b.alternativeWsPath;
    this.kumactlArg = b.kumactlArg;
    this.kumactlListArg = b.kumactlListArg;
    this.kumactlAlias = b.kumactlAlias;
    this.kumactlListAlias = b.kumactlListAlias;
    this.allowToInspect = b.allowToInspect;
    this.shortName = b.shortName == null ? "" : b.shortName;
    this.singularDisplayName = b.singularDisplayName == null ? b.name : b.singularDisplayName;
    this.pluralDisplayName = b.pluralDisplayName == null ? b.name + "s" : b.pluralDisplayName;
    this.kdsFlags = b.kdsFlags;
    this.readOnly = b.readOnly;
    this.adminOnly = b.adminOnly;
    this.hasStatus = b.hasStatus;
    this.policy = b.policy;
    this.ownerTypeName = b.ownerTypeName;
    this.insightTypeName = b.insightTypeName;
    this.validator = b.validator == null ? SpecValidator.none() : b.validator;
    this.statusClass = b.statusClass;
    this.emptyStatus = b.emptyStatus;
    this.specDefaults = b.specDefaults;
    this.kubernetesNamespaced = b.kubernetesNamespaced != null
        ? b.kubernetesNamespaced
        : scope == Scope.MESH && style == SpecStyle.NESTED;
  }

  /** Starts a descriptor for the type called {@code name} (Kuma's type name, e.g. {@code MeshTimeout}). */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Kuma's type name, e.g. {@code Dataplane}; also the {@code type} field and the Kubernetes kind. */
  public String name() {
    return name;
  }

  public Scope scope() {
    return scope;
  }

  public boolean isMeshScoped() {
    return scope == Scope.MESH;
  }

  public SpecStyle style() {
    return style;
  }

  public Class<? extends ResourceSpec> specClass() {
    return specClass;
  }

  /** The REST collection path segment, e.g. {@code dataplanes}; empty for types without an API. */
  public Optional<String> wsPath() {
    return Optional.ofNullable(wsPath);
  }

  /** A second REST path Kuma also serves, e.g. {@code global-secrets}. */
  public Optional<String> alternativeWsPath() {
    return Optional.ofNullable(alternativeWsPath);
  }

  /** kumactl's singular argument ({@code kumactl get dataplane NAME}), if kumactl exposes the type. */
  public Optional<String> kumactlArg() {
    return Optional.ofNullable(kumactlArg);
  }

  /** kumactl's plural argument ({@code kumactl get dataplanes}), if kumactl exposes the type. */
  public Optional<String> kumactlListArg() {
    return Optional.ofNullable(kumactlListArg);
  }

  /** kumactl's other singular argument (Kuma's {@code KumactlArgAlias}), e.g. {@code zone-ingress}. */
  public Optional<String> kumactlAlias() {
    return Optional.ofNullable(kumactlAlias);
  }

  /** kumactl's other plural argument (Kuma's {@code KumactlListArgAlias}), e.g. {@code zone-ingresses}. */
  public Optional<String> kumactlListAlias() {
    return Optional.ofNullable(kumactlListAlias);
  }

  /**
   * Whether {@code kumactl inspect <type> NAME} shows the data planes it selects (Kuma's
   * {@code AllowToInspect}): every policy except those that have no data-plane selection to show.
   */
  public boolean allowToInspect() {
    return allowToInspect;
  }

  /** Kuma's short name used in KRIs, e.g. {@code dp}; empty when the type has none. */
  public String shortName() {
    return shortName;
  }

  public String singularDisplayName() {
    return singularDisplayName;
  }

  public String pluralDisplayName() {
    return pluralDisplayName;
  }

  /** Kuma's KDS flag bits, see {@link KdsFlags}. */
  public int kdsFlags() {
    return kdsFlags;
  }

  /** Read-only everywhere (insights and other types only the control plane writes). */
  public boolean readOnly() {
    return readOnly;
  }

  /** Only admins may read or write it (Secret, GlobalSecret). */
  public boolean adminOnly() {
    return adminOnly;
  }

  public boolean hasStatus() {
    return hasStatus;
  }

  public boolean isPolicy() {
    return policy != null;
  }

  /** The policy traits, present only for policies. */
  public Optional<PolicyTraits> policy() {
    return Optional.ofNullable(policy);
  }

  /**
   * The type whose resource of the same mesh and name owns a resource of this type; deleting the
   * owner deletes it (e.g. a DataplaneInsight is owned by its Dataplane).
   */
  public Optional<String> ownerTypeName() {
    return Optional.ofNullable(ownerTypeName);
  }

  /** The insight type that tracks resources of this type (e.g. Dataplane -> DataplaneInsight). */
  public Optional<String> insightTypeName() {
    return Optional.ofNullable(insightTypeName);
  }

  /** Kuma's {@code includeInFederation}: written on global, sent to zones, writable by users. */
  public boolean includeInFederation() {
    return KdsFlags.has(kdsFlags, KdsFlags.GLOBAL_TO_ZONES) && !readOnly;
  }

  /**
   * Whether the Kubernetes form of this type is a namespaced object (it then lives in the system
   * namespace); by default new-style mesh-scoped types are, old-style types carry {@code mesh} instead.
   */
  public boolean kubernetesNamespaced() {
    return kubernetesNamespaced;
  }

  /** The typed form of this type's status, if the control plane writes one. */
  public Optional<Class<?>> statusClass() {
    return Optional.ofNullable(statusClass);
  }

  /** The status shown before the control plane has written one (as Kuma renders an empty status). */
  public Optional<Object> emptyStatus() {
    return Optional.ofNullable(emptyStatus);
  }

  /**
   * The defaults of Kuma's OpenAPI schema for the spec, as a JSON template applied before binding:
   * absent object fields take the template's value, and an array's single template element applies
   * to every element. Empty when the schema has no defaults.
   */
  public Optional<String> specDefaults() {
    return Optional.ofNullable(specDefaults);
  }

  /** The validator of this type's spec. */
  @SuppressWarnings("unchecked")
  public <S extends ResourceSpec> SpecValidator<S> validator() {
    return (SpecValidator<S>) validator;
  }

  @Override
  public String toString() {
    return name;
  }

  /** Builds a {@link ResourceType}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private Scope scope;
    private SpecStyle style;
    private Class<? extends ResourceSpec> specClass;
    private String wsPath;
    private String alternativeWsPath;
    private String kumactlArg;
    private String kumactlListArg;
    private String kumactlAlias;
    private String kumactlListAlias;
    private boolean allowToInspect;
    private String shortName;
    private String singularDisplayName;
    private String pluralDisplayName;
    private int kdsFlags;
    private boolean readOnly;
    private boolean adminOnly;
    private boolean hasStatus;
    private PolicyTraits policy;
    private String ownerTypeName;
    private String insightTypeName;
    private SpecValidator<? extends ResourceSpec> validator;
    private Boolean kubernetesNamespaced;
    private Class<?> statusClass;
    private Object emptyStatus;
    private String specDefaults;

    private Builder(String name) {
      this.name = name;
    }

    public Builder scope(Scope scope) {
      this.scope = scope;
      return this;
    }

    /** Sets the spec class and style together. */
    public <S extends ResourceSpec> Builder spec(SpecStyle style, Class<S> specClass) {
      this.style = style;
      this.specClass = specClass;
      return this;
    }

    public Builder wsPath(String wsPath) {
      this.wsPath = wsPath;
      return this;
    }

    public Builder alternativeWsPath(String alternativeWsPath) {
      this.alternativeWsPath = alternativeWsPath;
      return this;
    }

    /** Sets kumactl's singular and plural arguments. */
    public Builder kumactl(String singular, String plural) {
      this.kumactlArg = singular;
      this.kumactlListArg = plural;
      return this;
    }

    /** kumactl's other singular and plural arguments. */
    public Builder kumactlAliases(String singular, String plural) {
      this.kumactlAlias = singular;
      this.kumactlListAlias = plural;
      return this;
    }

    public Builder shortName(String shortName) {
      this.shortName = shortName;
      return this;
    }

    /** Sets the human singular and plural names shown by the GUI and {@code /_resources}. */
    public Builder displayNames(String singular, String plural) {
      this.singularDisplayName = singular;
      this.pluralDisplayName = plural;
      return this;
    }

    public Builder kdsFlags(int kdsFlags) {
      this.kdsFlags = kdsFlags;
      return this;
    }

    public Builder readOnly() {
      this.readOnly = true;
      return this;
    }

    public Builder adminOnly() {
      this.adminOnly = true;
      return this;
    }

    public Builder hasStatus() {
      this.hasStatus = true;
      return this;
    }

    /** Marks the type as a policy with {@code traits}; policies are inspectable unless {@link #notInspectable()}. */
    public Builder policy(PolicyTraits traits) {
      this.policy = traits;
      this.allowToInspect = true;
      return this;
    }

    /** A policy {@code kumactl inspect} does not offer (Kuma: no {@code AllowToInspect}). */
    public Builder notInspectable() {
      this.allowToInspect = false;
      return this;
    }

    public Builder ownedBy(String ownerTypeName) {
      this.ownerTypeName = ownerTypeName;
      return this;
    }

    public Builder insight(String insightTypeName) {
      this.insightTypeName = insightTypeName;
      return this;
    }

    public <S extends ResourceSpec> Builder validator(SpecValidator<S> validator) {
      this.validator = validator;
      return this;
    }

    /** The type has a status of {@code statusClass}; {@code empty} is shown until one is written. */
    public <T> Builder status(Class<T> statusClass, T empty) {
      this.hasStatus = true;
      this.statusClass = statusClass;
      this.emptyStatus = empty;
      return this;
    }

    /** Kuma's schema defaults for the spec, as a JSON template (see {@link ResourceType#specDefaults()}). */
    public Builder specDefaults(String jsonTemplate) {
      this.specDefaults = jsonTemplate;
      return this;
    }

    /** Overrides whether the Kubernetes object is namespaced. */
    public Builder kubernetesNamespaced(boolean namespaced) {
      this.kubernetesNamespaced = namespaced;
      return this;
    }

    public ResourceType build() {
      return new ResourceType(this);
    }
  }
}
