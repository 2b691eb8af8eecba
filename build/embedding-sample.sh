#!/usr/bin/env bash
# Packs the CrmBpm packages into artifacts/packages (a fresh folder, version 0.1.0-local), drops any cached copy of them
# from the sample's private package cache, then restores, builds and runs samples/CrmBpm.Samples.Embedding against them.
# Exit code: the sample's (0 = the packages embed and run a route map end to end).
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION="${CRMBPM_SAMPLE_VERSION:-0.1.0-local}"
FEED="artifacts/packages"
CACHE="artifacts/embedding-sample/packages-cache"
SAMPLE="samples/CrmBpm.Samples.Embedding"

rm -rf "$FEED"
mkdir -p "$FEED"
for project in CrmBpm.Engine CrmBpm.EntityFrameworkCore CrmBpm.EntityFrameworkCore.Sqlite CrmBpm.EntityFrameworkCore.PostgreSql CrmBpm.Crm CrmBpm.Cli; do
  echo "embedding-sample.sh: packing $project $VERSION" >&2
  dotnet pack "src/$project" -c Release -nologo -v quiet -o "$FEED" -p:Version="$VERSION" >&2
done

rm -rf "$CACHE"/crmbpm.* "$SAMPLE/obj" "$SAMPLE/bin"
dotnet build "$SAMPLE" -c Release -nologo -v quiet -p:CrmBpmVersion="$VERSION" >&2
dotnet "$SAMPLE/bin/Release/net10.0/CrmBpm.Samples.Embedding.dll"
