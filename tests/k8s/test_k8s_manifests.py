"""The manifests in k8s/: valid for Kubernetes (strict schema), and they hold to our deployment policy.

Offline: no cluster, kubectl or kustomize. `kubernetes_validate` ships the JSON schemas.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml

from shared.config import Settings

K8S = Path(__file__).resolve().parents[2] / "k8s"
BASE = K8S / "base"
# The newest version kubernetes-validate bundles (1.37.0 in kubernetes-validate 1.37).
KUBERNETES_VERSION = "1.37.0"
KUSTOMIZATION_NAMES = {"kustomization.yaml", "kustomization.yml", "Kustomization"}
APP_UID = 10001
IMAGE = "vouch"
DATABASE_SECRET = {"name": "vouch-database", "key": "url"}
CONFIG_MAP = "vouch-config"
# Deployment -> (ASGI app, port, base replicas). Every Deployment must be here or a worker.
HTTP_SERVICES = {
    "vouch-intake": ("services.intake.main:app", 8001, 2),
    "vouch-matching": ("services.matching.main:app", 8002, 2),
    "vouch-referrals": ("services.referrals.main:app", 8003, 2),
    "vouch-console": ("services.console.main:app", 8004, 2),
}
WORKERS = {
    f"vouch-worker-{service}": ["vouch", "worker", "--service", service]
    for service in ("intake", "matching", "referrals")
}
SECRET_KEY = {"name": "vouch-secrets", "key": "secret-key"}
DATABASE_FREE = {"vouch-console"}
# A kind not listed here would escape the policy checks below, so it fails until added.
ALLOWED_KINDS = {"ConfigMap", "Deployment", "Service", "PodDisruptionBudget", "Job", "CronJob"}


class _UniqueKeyLoader(yaml.SafeLoader):
    """PyYAML silently keeps the last of two equal keys (a second `env:` would drop the first)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep)


def _load_all(path: Path) -> list[Any]:
    return [doc for doc in yaml.load_all(path.read_text(), Loader=_UniqueKeyLoader) if doc]


@dataclass(frozen=True)
class Manifest:
    path: Path
    body: dict[str, Any]

    @property
    def kind(self) -> str:
        return str(self.body["kind"])

    @property
    def name(self) -> str:
        return str(self.body["metadata"]["name"])

    @property
    def id(self) -> str:
        return f"{self.path.relative_to(K8S)}:{self.kind}/{self.name}"


KUSTOMIZATIONS = sorted(path for path in K8S.rglob("*") if path.name in KUSTOMIZATION_NAMES)
# An overlay's patch is a fragment, not a resource: the schema check would reject it.
PATCH_FILES = {
    (path.parent / patch["path"]).resolve()
    for path in KUSTOMIZATIONS
    for patch in _load_all(path)[0].get("patches", [])
    if "path" in patch
}
MANIFEST_FILES = sorted(
    path
    for path in K8S.rglob("*.y*ml")
    if path.name not in KUSTOMIZATION_NAMES and path.resolve() not in PATCH_FILES
)
MANIFESTS = [Manifest(path, body) for path in MANIFEST_FILES for body in _load_all(path)]
BASE_MANIFESTS = [m for m in MANIFESTS if m.path.parent == BASE]


def _of_kind(kind: str) -> list[Manifest]:
    return [m for m in BASE_MANIFESTS if m.kind == kind]


def _one(kind: str, name: str) -> Manifest:
    found = [m for m in BASE_MANIFESTS if m.kind == kind and m.name == name]
    assert len(found) == 1, f"expected one {kind}/{name} in k8s/base, found {len(found)}"
    return found[0]


def _pod_spec(body: dict[str, Any]) -> dict[str, Any]:
    if body["kind"] == "CronJob":
        return body["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    return body["spec"]["template"]["spec"]


def _containers(body: dict[str, Any]) -> list[dict[str, Any]]:
    spec = _pod_spec(body)
    return [*spec.get("initContainers", []), *spec["containers"]]


def _ids(manifests: list[Manifest]) -> list[str]:
    return [m.id for m in manifests]


def _quantity(value: str | int | float) -> float:
    """A Kubernetes quantity ("512Mi", "250m", "1") as a number of bytes or cores."""
    scale = {"": 1, "m": 1e-3, "k": 1e3, "M": 1e6, "G": 1e9, "Ki": 2**10, "Mi": 2**20, "Gi": 2**30}
    match = re.fullmatch(r"([0-9]+(?:\.[0-9]+)?)([a-zA-Z]*)", str(value))
    assert match and match[2] in scale, f"unsupported quantity {value!r}"
    return float(match[1]) * scale[match[2]]


WORKLOADS = [m for m in BASE_MANIFESTS if m.kind in {"Deployment", "Job", "CronJob"}]


# --- schema ------------------------------------------------------------------------------------


def test_base_has_every_expected_resource() -> None:
    expected = {
        ("ConfigMap", CONFIG_MAP),
        ("Job", "vouch-migrate"),
        ("CronJob", "vouch-retrain"),
        *(("Deployment", name) for name in [*HTTP_SERVICES, *WORKERS]),
        *(("Service", name) for name in HTTP_SERVICES),
    }
    assert expected <= {(m.kind, m.name) for m in BASE_MANIFESTS}


def _schema_error(body: dict[str, Any]) -> str | None:
    """Why the strict schema rejects `body`, or None (reported outside the `except`, tersely)."""
    try:
        kubernetes_validate.validate(body, KUBERNETES_VERSION, strict=True)
    except kubernetes_validate.ValidationError as error:
        return f"{'.'.join(str(part) for part in error.path)}: {error.message}"
    except kubernetes_validate.SchemaNotFoundError as error:
        return str(error.message)
    return None


@pytest.mark.parametrize("manifest", MANIFESTS, ids=_ids(MANIFESTS))
def test_manifest_is_valid_against_the_kubernetes_schema(manifest: Manifest) -> None:
    error = _schema_error(manifest.body)
    assert error is None, f"{manifest.id}: {error}"


def test_strict_validation_rejects_an_unknown_field() -> None:
    deployment = copy.deepcopy(_one("Deployment", "vouch-intake").body)
    deployment["spec"]["template"]["spec"]["containers"][0]["readinesProbe"] = {}
    error = _schema_error(deployment)
    assert error is not None and "readinesProbe" in error


@pytest.mark.parametrize("manifest", MANIFESTS, ids=_ids(MANIFESTS))
def test_manifest_kind_is_covered_by_the_policy_and_has_no_namespace(manifest: Manifest) -> None:
    assert manifest.kind in ALLOWED_KINDS, "a Secret (or a new kind) does not belong in k8s/"
    assert "namespace" not in manifest.body["metadata"], "the namespace is chosen at deploy time"


def test_names_are_unique_per_kind() -> None:
    keys = [(m.kind, m.name) for m in BASE_MANIFESTS]
    assert len(keys) == len(set(keys))


# --- every pod: security, resources, configuration ---------------------------------------------


@pytest.mark.parametrize("manifest", WORKLOADS, ids=_ids(WORKLOADS))
def test_pods_run_unprivileged_as_the_app_user(manifest: Manifest) -> None:
    pod = _pod_spec(manifest.body)
    pod_context = pod.get("securityContext", {})
    assert pod.get("automountServiceAccountToken") is False
    assert not pod.get("hostNetwork") and not pod.get("hostPID") and not pod.get("hostIPC")
    for container in _containers(manifest.body):
        context = container.get("securityContext", {})

        def effective(key: str, context: dict[str, Any] = context) -> Any:
            return context.get(key, pod_context.get(key))

        name = container["name"]
        assert effective("runAsNonRoot") is True, name
        assert effective("runAsUser") == APP_UID, name
        assert (effective("seccompProfile") or {}).get("type") == "RuntimeDefault", name
        assert context.get("readOnlyRootFilesystem") is True, name
        assert context.get("allowPrivilegeEscalation") is False, name
        assert context.get("privileged") is not True, name
        assert context.get("capabilities", {}).get("drop") == ["ALL"], name
        assert not context.get("capabilities", {}).get("add"), name


@pytest.mark.parametrize("manifest", WORKLOADS, ids=_ids(WORKLOADS))
def test_containers_have_resource_requests_and_limits(manifest: Manifest) -> None:
    for container in _containers(manifest.body):
        resources = container.get("resources", {})
        for resource in ("cpu", "memory"):
            request = resources.get("requests", {}).get(resource)
            limit = resources.get("limits", {}).get(resource)
            assert request and limit, f"{container['name']}: {resource} request and limit"
            assert _quantity(request) <= _quantity(limit), f"{container['name']}: {resource}"


@pytest.mark.parametrize("manifest", WORKLOADS, ids=_ids(WORKLOADS))
def test_containers_get_config_and_the_database_url_from_the_secret(manifest: Manifest) -> None:
    for container in _containers(manifest.body):
        assert container["image"] == IMAGE, "the kustomization's `images:` sets name and tag"
        assert {"configMapRef": {"name": CONFIG_MAP}} in container.get("envFrom", [])
        database_urls = [e for e in container.get("env", []) if e["name"] == "DATABASE_URL"]
        if manifest.name in DATABASE_FREE:
            # The console owns no table: it must not even hold the credentials.
            assert database_urls == [], container["name"]
            continue
        assert len(database_urls) == 1, container["name"]
        assert "value" not in database_urls[0], "DATABASE_URL must never be written in a manifest"
        assert database_urls[0]["valueFrom"] == {"secretKeyRef": DATABASE_SECRET}
        # Production refuses to start without a real secret key, so every workload gets it.
        secret_keys = [e for e in container.get("env", []) if e["name"] == "VOUCH_SECRET_KEY"]
        assert len(secret_keys) == 1, container["name"]
        assert secret_keys[0]["valueFrom"] == {"secretKeyRef": SECRET_KEY}


@pytest.mark.parametrize("manifest", WORKLOADS, ids=_ids(WORKLOADS))
def test_tmp_is_a_writable_empty_dir(manifest: Manifest) -> None:
    volumes = {v["name"]: v for v in _pod_spec(manifest.body).get("volumes", [])}
    for container in _containers(manifest.body):
        mounts = {m["mountPath"]: m for m in container.get("volumeMounts", [])}
        assert "/tmp" in mounts, container["name"]
        assert "emptyDir" in volumes[mounts["/tmp"]["name"]]
        assert not mounts["/tmp"].get("readOnly")


# --- Deployments and Services ------------------------------------------------------------------


def test_every_deployment_is_a_known_service_or_worker() -> None:
    assert {m.name for m in _of_kind("Deployment")} == {*HTTP_SERVICES, *WORKERS}


@pytest.mark.parametrize("name", sorted(HTTP_SERVICES))
def test_http_service_runs_uvicorn_with_probes(name: str) -> None:
    app, port, replicas = HTTP_SERVICES[name]
    deployment = _one("Deployment", name).body
    assert deployment["spec"]["replicas"] == replicas
    [container] = deployment["spec"]["template"]["spec"]["containers"]
    expected = ["uvicorn", app, "--host", "0.0.0.0", "--port", str(port), "--proxy-headers"]
    assert [*container.get("command", []), *container.get("args", [])] == expected
    assert container["ports"] == [{"name": "http", "containerPort": port, "protocol": "TCP"}]
    for probe, path in (("readinessProbe", "/readyz"), ("livenessProbe", "/healthz")):
        http_get = container.get(probe, {}).get("httpGet", {})
        assert http_get.get("path") == path, f"{name}: {probe}"
        assert http_get.get("port") in {"http", port}, f"{name}: {probe} port"


@pytest.mark.parametrize("name", sorted(WORKERS))
def test_worker_runs_the_queue_without_http(name: str) -> None:
    [container] = _one("Deployment", name).body["spec"]["template"]["spec"]["containers"]
    assert container["command"] == WORKERS[name]
    assert "ports" not in container
    for probe in ("readinessProbe", "livenessProbe", "startupProbe"):
        assert "httpGet" not in container.get(probe, {})


def test_matching_has_room_for_its_in_memory_index() -> None:
    [container] = _one("Deployment", "vouch-matching").body["spec"]["template"]["spec"][
        "containers"
    ]
    assert _quantity(container["resources"]["requests"]["memory"]) >= 512 * 2**20
    assert _quantity(container["resources"]["limits"]["memory"]) >= 2**30


@pytest.mark.parametrize("manifest", _of_kind("Deployment"), ids=_ids(_of_kind("Deployment")))
def test_deployment_selector_matches_its_pods(manifest: Manifest) -> None:
    spec = manifest.body["spec"]
    selector = spec["selector"]["matchLabels"]
    assert selector.items() <= spec["template"]["metadata"]["labels"].items()


def _selected_deployments(selector: dict[str, str]) -> list[Manifest]:
    return [
        d
        for d in _of_kind("Deployment")
        if selector.items() <= d.body["spec"]["template"]["metadata"]["labels"].items()
    ]


@pytest.mark.parametrize("manifest", _of_kind("Service"), ids=_ids(_of_kind("Service")))
def test_service_targets_a_container_port_of_its_deployment(manifest: Manifest) -> None:
    spec = manifest.body["spec"]
    assert spec.get("type") == "ClusterIP"
    [deployment] = _selected_deployments(spec["selector"])
    container_ports = [
        port
        for c in deployment.body["spec"]["template"]["spec"]["containers"]
        for port in c.get("ports", [])
    ]
    assert [port["name"] for port in spec["ports"]] == ["http"]
    for port in spec["ports"]:
        target = port.get("targetPort", port["port"])
        key = "name" if isinstance(target, str) else "containerPort"
        assert any(p.get(key) == target for p in container_ports), f"targetPort {target!r}"


def test_every_http_service_has_exactly_one_service() -> None:
    for name in HTTP_SERVICES:
        selecting = [
            s
            for s in _of_kind("Service")
            if _one("Deployment", name) in _selected_deployments(s.body["spec"]["selector"])
        ]
        assert len(selecting) == 1, name


@pytest.mark.parametrize(
    "manifest", _of_kind("PodDisruptionBudget"), ids=_ids(_of_kind("PodDisruptionBudget"))
)
def test_disruption_budget_selects_one_deployment(manifest: Manifest) -> None:
    assert len(_selected_deployments(manifest.body["spec"]["selector"]["matchLabels"])) == 1


# --- configuration, migrations, retraining -----------------------------------------------------


def test_config_map_holds_only_known_vouch_settings() -> None:
    data = _one("ConfigMap", CONFIG_MAP).body["data"]
    assert data["VOUCH_ENVIRONMENT"] == "production"
    assert {"VOUCH_LOG_LEVEL", "VOUCH_MAX_BODY_BYTES", "VOUCH_WORKER_POLL_SECONDS"} <= set(data)
    for key in data:
        assert key.startswith("VOUCH_"), f"{key}: secrets go in a Secret, not the ConfigMap"
        assert key.removeprefix("VOUCH_").lower() in Settings.model_fields, f"{key}: unknown"


def test_migration_job_runs_vouch_migrate() -> None:
    spec = _one("Job", "vouch-migrate").body["spec"]
    assert isinstance(spec.get("backoffLimit"), int)
    assert isinstance(spec.get("ttlSecondsAfterFinished"), int)
    assert spec["template"]["spec"]["restartPolicy"] in {"Never", "OnFailure"}
    assert spec["template"]["spec"]["containers"][0]["command"] == ["vouch", "migrate"]


def test_retraining_cron_job_runs_vouch_train() -> None:
    spec = _one("CronJob", "vouch-retrain").body["spec"]
    assert len(spec["schedule"].split()) == 5
    assert spec.get("concurrencyPolicy") == "Forbid", "two trainings must not overlap"
    pod = spec["jobTemplate"]["spec"]["template"]["spec"]
    assert pod["restartPolicy"] in {"Never", "OnFailure"}
    assert pod["containers"][0]["command"] == ["vouch", "train"]


# --- kustomizations ----------------------------------------------------------------------------


def _kustomization(path: Path) -> dict[str, Any]:
    [body] = _load_all(path)
    return body


def _referenced_files(kustomization: Path) -> set[Path]:
    """Every file a kustomization pulls in, following directory resources to their kustomization."""
    body = _kustomization(kustomization)
    files: set[Path] = set()
    entries = [*body.get("resources", []), *body.get("components", [])]
    entries += [p["path"] for p in body.get("patches", []) if "path" in p]
    for entry in entries:
        target = (kustomization.parent / entry).resolve()
        nested = [target / name for name in KUSTOMIZATION_NAMES if (target / name).is_file()]
        if nested:
            files |= _referenced_files(nested[0])
        else:
            assert target.is_file(), f"{kustomization.relative_to(K8S)}: {entry} does not exist"
            files.add(target)
    return files


@pytest.mark.parametrize(
    "path", KUSTOMIZATIONS, ids=[str(p.relative_to(K8S)) for p in KUSTOMIZATIONS]
)
def test_kustomization_references_exist(path: Path) -> None:
    body = _kustomization(path)
    assert body["apiVersion"] == "kustomize.config.k8s.io/v1beta1"
    assert body["kind"] == "Kustomization"
    _referenced_files(path)
    deployments = {m.name for m in _of_kind("Deployment")}
    for replicas in body.get("replicas", []):
        assert replicas["name"] in deployments


def test_base_lists_every_file_in_it() -> None:
    listed = _kustomization(BASE / "kustomization.yaml")["resources"]
    present = sorted(p.name for p in MANIFEST_FILES if p.parent == BASE)
    assert sorted(listed) == present


def test_every_manifest_and_patch_is_used_by_some_kustomization() -> None:
    referenced = set().union(*(_referenced_files(path) for path in KUSTOMIZATIONS))
    assert {p.resolve() for p in MANIFEST_FILES} | PATCH_FILES <= referenced


def test_base_labels_everything_and_sets_the_image() -> None:
    body = _kustomization(BASE / "kustomization.yaml")
    labels = dict(body.get("commonLabels", {}))
    for entry in body.get("labels", []):
        labels |= entry.get("pairs", {})
    assert labels.get("app.kubernetes.io/part-of") == "vouch"
    images = {image["name"]: image for image in body.get("images", [])}
    assert IMAGE in images and images[IMAGE].get("newTag")


def test_every_service_with_jobs_has_its_own_worker_deployment() -> None:
    from shared.queue.registry import SERVICES, registered_kinds

    with_jobs = {kind.service for kind in registered_kinds().values()}
    assert with_jobs <= set(SERVICES)
    assert {f"vouch-worker-{service}" for service in with_jobs} <= set(WORKERS)
    # The matching worker ranks requests, so it needs the matching service's memory.
    limits = _containers(_one("Deployment", "vouch-worker-matching").body)[0]["resources"]
    assert _quantity(limits["limits"]["memory"]) >= 2**30
