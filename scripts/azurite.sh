# Shared by the dev scripts: installs the pinned Azurite and starts/stops it.
# Source it; it defines ensure_azurite_installed, start_azurite <blob> <queue> <table> [location], stop_azurite.

ensure_azurite_installed() {
  if [ ! -x node_modules/.bin/azurite ] || ! cmp -s package-lock.json node_modules/.presale-lock 2>/dev/null; then
    echo "Installing the pinned Azurite (npm ci)..." >&2
    npm ci --no-audit --no-fund --loglevel=error >&2
    cp package-lock.json node_modules/.presale-lock
  fi
}

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}

wait_for_port() {
  local port=$1 i
  for i in $(seq 1 150); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "Azurite did not listen on port $port" >&2
  return 1
}

AZURITE_PID=""
# With AZURITE_OWN_SESSION=true Azurite runs in a session of its own, out of reach of signals sent to the caller's
# process group (Ctrl+C in a terminal, a supervisor stopping the group): the caller stops it with stop_azurite, after
# whatever still writes to it has stopped.
start_azurite() {
  local blob=$1 queue=$2 table=$3 location=${4:-}
  local persistence=(--inMemoryPersistence) session=()
  if [ -n "$location" ]; then persistence=(--location "$location"); fi
  if [ "${AZURITE_OWN_SESSION:-false}" = true ]; then session=(setsid); fi
  # The subshell execs into Azurite, so AZURITE_PID is Azurite's own process id.
  (exec "${session[@]}" node_modules/.bin/azurite --silent --skipApiVersionCheck --loose --disableProductStyleUrl --disableTelemetry "${persistence[@]}" \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --blobPort "$blob" --queuePort "$queue" --tablePort "$table" >"${AZURITE_LOG:-/dev/null}" 2>&1) &
  AZURITE_PID=$!
  wait_for_port "$table" && wait_for_port "$queue"
}

stop_azurite() {
  if [ -n "$AZURITE_PID" ] && kill -0 "$AZURITE_PID" 2>/dev/null; then
    kill "$AZURITE_PID" 2>/dev/null || true
    wait "$AZURITE_PID" 2>/dev/null || true
  fi
  AZURITE_PID=""
}

azurite_connection_string() {
  local blob=$1 queue=$2 table=$3
  printf 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=%s;BlobEndpoint=http://127.0.0.1:%s/devstoreaccount1;QueueEndpoint=http://127.0.0.1:%s/devstoreaccount1;TableEndpoint=http://127.0.0.1:%s/devstoreaccount1;' \
    'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==' "$blob" "$queue" "$table"
}
