#!/usr/bin/env bash
# A short tour of a running Presale (start it with `bash scripts/run-local.sh`). Each step prints the request and the
# answer, and checks the answer's status; the script exits non-zero when any step answered otherwise (CI runs it as a
# smoke test). PRESALE_URL and PRESALE_FUNCTION_KEY override the defaults run-local.sh uses.
set -euo pipefail
cd "$(dirname "$0")/.."

BASE="${PRESALE_URL:-http://127.0.0.1:7071}"
KEY="${PRESALE_FUNCTION_KEY:-${Presale__Host__FunctionKey:-local-dev-function-key}}"
answer=$(mktemp)
trap 'rm -f "$answer"' EXIT
failures=0

step() { printf '\n== %s\n' "$*"; }
# expect STATUS PATTERN WHAT: counts a failure when STATUS does not match the glob PATTERN (e.g. 2??, 409).
expect() {
  case "$1" in
    $2) ;;
    *) echo "!! $3 answered HTTP $1, expected $2" >&2; failures=$((failures + 1)) ;;
  esac
}
# send [curl arguments...] URL: prints the answer and "-> HTTP <status>", and sets $status.
send() {
  status=$(curl -sS -o "$answer" -w '%{http_code}' "$@") || status=000
  cat "$answer"
  printf '\n-> HTTP %s\n' "$status"
}
# call METHOD PATH [BODY] [EXPECTED]: a keyed JSON request; EXPECTED defaults to any 2xx.
call() {
  local method=$1 path=$2 body=${3:-} expected=${4:-2??}
  printf '%s %s%s\n' "$method" "$path" "${body:+  $body}"
  local args=(-X "$method" -H "x-functions-key: $KEY")
  if [ -n "$body" ]; then args+=(-H 'Content-Type: application/json' --data "$body"); fi
  send "${args[@]}" "$BASE$path"
  expect "$status" "$expected" "$method $path"
}

if ! curl -fsS -o /dev/null "$BASE/"; then
  echo "Presale is not answering at $BASE: start it with 'bash scripts/run-local.sh'." >&2
  exit 1
fi

step "Health: each check (storage, declared functions) with its status"
call GET /api/health

step "Run a timer function now through the admin API (as the Functions host's admin API does; loopback needs no key)"
timer=OutboxSweeper
call POST "/admin/functions/$timer" '{"input": ""}' 202
echo "(202: accepted; the run appears in the app's log with its invocation id)"

# A pre-sale, end to end: a shop, a SKU sold before it is on the shelf, a lot on its way, a quote, an order.
sku="DEMO-KETTLE-$(date +%s)"
eta=$(date -u -d '+21 days' +%F)
lot="LOT-$sku"

step "Shop settings: time zone, currency, handling days, locale"
call PUT /api/shop '{"timeZone":"Europe/Berlin","currency":"EUR","defaultHandlingDays":2,"locale":"en"}'

step "Pre-sale settings for $sku: on, 5 units may be sold beyond confirmed supply, at most 3 per order"
call PUT "/api/skus/$sku" '{"preSaleEnabled":true,"cap":5,"maxPerOrder":3,"handlingDays":2}'

supplier="acme-$(date +%s)"
step "Register the supplier $supplier and issue its webhook secret (shown once; stored encrypted)"
call POST /api/suppliers "{\"id\":\"$supplier\",\"name\":\"Acme Kettles\",\"contact\":{\"email\":\"ops@acme.example\"}}"
status=$(curl -sS -X POST -H "x-functions-key: $KEY" -o "$answer" -w '%{http_code}' "$BASE/api/suppliers/$supplier/webhook-secrets") || status=000
secret=$(sed -n 's/.*"secret":"\([^"]*\)".*/\1/p' "$answer")
echo "POST /api/suppliers/$supplier/webhook-secrets -> HTTP $status, secret ${secret:0:10}… (not shown again)"
expect "$status" 201 "POST /api/suppliers/$supplier/webhook-secrets"

step "A supplier's inbound lot of 4 units arriving $eta"
call POST "/api/suppliers/$supplier/lots" "{\"lotId\":\"$lot\",\"purchaseOrderReference\":\"PO-1001\",\"eta\":\"$eta\",\"lines\":[{\"sku\":\"$sku\",\"quantity\":4}]}"

step "Quote: 3 units. The promise is the lot's ETA plus handling days, in the shop's time zone; nothing is reserved"
call POST /api/quotes "{\"lines\":[{\"sku\":\"$sku\",\"quantity\":3}]}"

step "Place the order (Idempotency-Key makes a retry safe)"
key="walkthrough-$sku"
customer="cust-$sku"
order_body="{\"customerId\":\"$customer\",\"tier\":\"gold\",\"notificationContact\":{\"email\":\"ada@example.com\"},\"lines\":[{\"sku\":\"$sku\",\"quantity\":3,\"unitPrice\":49.90}],\"currency\":\"EUR\",\"acceptPreSaleTerms\":true}"
place() { # IDEMPOTENCY-KEY BODY EXPECTED
  printf 'POST /api/orders  (Idempotency-Key: %s)\n' "$1"
  send -X POST -H "x-functions-key: $KEY" -H 'Content-Type: application/json' -H "Idempotency-Key: $1" --data "$2" "$BASE/api/orders"
  expect "$status" "$3" "POST /api/orders (Idempotency-Key $1)"
}
place "$key" "$order_body" 201
order_id=$(sed -n 's/.*"orderId":"\([^"]*\)".*/\1/p' "$answer")
first_answer=$(cat "$answer")

step "The same request again: the same answer, nothing reserved twice"
place "$key" "$order_body" 201
if [ "$(cat "$answer")" != "$first_answer" ]; then
  echo "!! the repeated request answered differently" >&2
  failures=$((failures + 1))
fi

step "9 units can be sold (4 inbound + a cap of 5): two more orders of 3 fit (promised from the cap), a fourth is refused (409) with what is left"
place "$key-2" "${order_body/$customer/$customer-2}" 201
place "$key-3" "${order_body/$customer/$customer-3}" 201
place "$key-4" "${order_body/$customer/$customer-4}" 409

step "The ledger: on hand, inbound, cap, reserved, available"
call GET "/api/skus/$sku/supply"

step "The supplier signs an ETA slip of 10 days (Presale-Signature: HMAC-SHA256 over \"timestamp.body\")"
slipped=$(date -u -d '+31 days' +%F)
eta_body="{\"eventId\":\"evt-$sku-1\",\"supplierTimestamp\":\"$(date -u +%FT%TZ)\",\"lotId\":\"$lot\",\"newEta\":\"$slipped\",\"reason\":\"port congestion\"}"
t=$(date +%s)
signature=$(printf '%s.%s' "$t" "$eta_body" | openssl dgst -sha256 -hmac "$secret" -hex | sed 's/^.* //')
printf 'POST /api/suppliers/%s/eta-updates  %s\n' "$supplier" "$eta_body"
send -X POST -H 'Content-Type: application/json' -H "Presale-Signature: t=$t,v1=$signature" --data "$eta_body" "$BASE/api/suppliers/$supplier/eta-updates"
expect "$status" 200 "POST /api/suppliers/$supplier/eta-updates"
echo "The same event again is acknowledged as a duplicate and changes nothing:"
send -X POST -H 'Content-Type: application/json' -H "Presale-Signature: t=$t,v1=$signature" --data "$eta_body" "$BASE/api/suppliers/$supplier/eta-updates"
expect "$status" 200 "POST /api/suppliers/$supplier/eta-updates (again)"
grep -q '"duplicate"' "$answer" || { echo "!! the repeated ETA event was not reported as a duplicate" >&2; failures=$((failures + 1)); }

step "Reconciliation runs from the queue: the order pegged to the lot is re-planned and its customer told"
told=false
for i in $(seq 1 60); do
  feed=$(curl -sS -H "x-functions-key: $KEY" "$BASE/api/customers/$customer/notifications") || feed=""
  case "$feed" in *'"delayed"'*|*'"atRisk"'*|*'"Delayed"'*|*'"AtRisk"'*) told=true; break ;; esac
  sleep 1
done
echo "GET /api/customers/$customer/notifications"
echo "$feed"
if [ "$told" = false ]; then
  echo "!! no delay notice reached the customer's feed within 60 s (reconcile queue → ReconcileSku → notifications → DeliverNotification)" >&2
  failures=$((failures + 1))
fi
call GET "/api/suppliers/$supplier/lots"

step "The operations console shows it: the SKU's supply timeline with the delayed order, and the supplier's changed ETA"
# The console's sign-in is an admin-key route (from this machine, standalone mode needs no key); its cookie opens the pages.
jar=$(mktemp)
status=$(curl -sS -c "$jar" -o /dev/null -w '%{http_code}' "$BASE/api/console/session") || status=000
echo "GET /api/console/session -> HTTP $status (session cookie kept)"
expect "$status" 200 "GET /api/console/session"
for page in "skus/$sku:$order_id" "suppliers/$supplier:$slipped"; do
  status=$(curl -sS -b "$jar" -o "$answer" -w '%{http_code}' "$BASE/api/console/${page%%:*}") || status=000
  echo "GET /api/console/${page%%:*} -> HTTP $status  (open $BASE/api/console/${page%%:*} in a browser)"
  expect "$status" 200 "GET /api/console/${page%%:*}"
  grep -q "${page#*:}" "$answer" || { echo "!! the console page does not show ${page#*:}" >&2; failures=$((failures + 1)); }
done
rm -f "$jar"

shelf="DEMO-MUG-$(date +%s)"
today=$(date -u +%F)
step "A unit that ships leaves the stock: $shelf has one unit on hand and no cap; an order takes it, and it ships"
call PUT "/api/skus/$shelf" '{"preSaleEnabled":true,"cap":0,"maxPerOrder":3,"handlingDays":1}'
printf 'POST /api/skus/%s/stock-adjustments  (Idempotency-Key: stock-%s)\n' "$shelf" "$shelf"
send -X POST -H "x-functions-key: $KEY" -H 'Content-Type: application/json' -H "Idempotency-Key: stock-$shelf" --data '{"quantity":1,"reason":"delivery"}' "$BASE/api/skus/$shelf/stock-adjustments"
expect "$status" 200 "POST /api/skus/$shelf/stock-adjustments"
mug_body="{\"customerId\":\"$customer-mug\",\"tier\":\"standard\",\"notificationContact\":{\"email\":\"ada@example.com\"},\"lines\":[{\"sku\":\"$shelf\",\"quantity\":1,\"unitPrice\":12.50}],\"currency\":\"EUR\",\"acceptPreSaleTerms\":true}"
place "$key-mug" "$mug_body" 201
mug_order=$(sed -n 's/.*"orderId":"\([^"]*\)".*/\1/p' "$answer")
call POST "/api/orders/$mug_order/shipments" "{\"shipmentId\":\"parcel-$shelf\",\"lines\":[{\"sku\":\"$shelf\",\"quantity\":1}],\"shippedOn\":\"$today\",\"deliveredOn\":\"$today\"}" 201
echo "On hand and reserved both went down by the shipped unit:"
call GET "/api/skus/$shelf/supply"
grep -q '"onHand":0' "$answer" || { echo "!! the shipped unit is still on hand" >&2; failures=$((failures + 1)); }
echo "Every unit has shipped, so the order cannot be cancelled (the customer returns instead), and nothing goes back on sale:"
call POST "/api/orders/$mug_order/cancel" '{}' 409
place "$key-mug-2" "${mug_body/$customer-mug/$customer-mug-2}" 409

if [ -n "$order_id" ]; then
  step "Read the order, then cancel it: the reservation is released at once and the refund due recorded"
  call GET "/api/orders/$order_id"
  call POST "/api/orders/$order_id/cancel" '{"reason":"changed my mind"}'
fi

step "OpenAPI document of every route: $BASE/openapi/v1.json"
status=$(curl -sS -o /dev/null -w '%{http_code}' "$BASE/openapi/v1.json") || status=000
echo "GET /openapi/v1.json -> HTTP $status"
expect "$status" 200 "GET /openapi/v1.json"

if [ "$failures" -gt 0 ]; then
  echo "walkthrough: $failures step(s) did not answer as expected (marked !! above)." >&2
  exit 1
fi
echo "walkthrough: every step answered as expected."
