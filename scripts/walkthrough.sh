#!/usr/bin/env bash
# A short tour of a running Presale (start it with `bash scripts/run-local.sh`). Each step prints the request and the
# answer. PRESALE_URL and PRESALE_FUNCTION_KEY override the defaults run-local.sh uses.
set -euo pipefail
cd "$(dirname "$0")/.."

BASE="${PRESALE_URL:-http://127.0.0.1:7071}"
KEY="${PRESALE_FUNCTION_KEY:-${Presale__Host__FunctionKey:-local-dev-function-key}}"

step() { printf '\n== %s\n' "$*"; }
call() {
  local method=$1 path=$2 body=${3:-}
  printf '%s %s%s\n' "$method" "$path" "${body:+  $body}"
  local args=(-sS -X "$method" -H "x-functions-key: $KEY" -w '\n-> HTTP %{http_code}\n')
  if [ -n "$body" ]; then args+=(-H 'Content-Type: application/json' --data "$body"); fi
  curl "${args[@]}" "$BASE$path"
}

if ! curl -fsS -o /dev/null "$BASE/"; then
  echo "Presale is not answering at $BASE: start it with 'bash scripts/run-local.sh'." >&2
  exit 1
fi

step "Health: each check (storage, declared functions) with its status"
call GET /api/health

step "Run a timer function now through the admin API (as the Functions host's admin API does; loopback needs no key)"
timer=$(grep -l '"timerTrigger"' functions/Presale.Functions/Definitions/*/function.json 2>/dev/null | head -n 1 | xargs -r dirname | xargs -r basename || true)
if [ -n "$timer" ]; then
  call POST "/admin/functions/$timer" '{"input": ""}'
  echo "(202: accepted; the run appears in the app's log with its invocation id)"
else
  echo "No timerTrigger function is declared yet under functions/Presale.Functions/Definitions."
fi

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
secret_response=$(curl -sS -X POST -H "x-functions-key: $KEY" "$BASE/api/suppliers/$supplier/webhook-secrets")
secret=$(echo "$secret_response" | sed -n 's/.*"secret":"\([^"]*\)".*/\1/p')
echo "POST /api/suppliers/$supplier/webhook-secrets -> secret ${secret:0:10}… (not shown again)"

step "A supplier's inbound lot of 4 units arriving $eta"
call POST "/api/suppliers/$supplier/lots" "{\"lotId\":\"$lot\",\"purchaseOrderReference\":\"PO-1001\",\"eta\":\"$eta\",\"lines\":[{\"sku\":\"$sku\",\"quantity\":4}]}"

step "Quote: 3 units. The promise is the lot's ETA plus handling days, in the shop's time zone; nothing is reserved"
call POST /api/quotes "{\"lines\":[{\"sku\":\"$sku\",\"quantity\":3}]}"

step "Place the order (Idempotency-Key makes a retry safe)"
key="walkthrough-$sku"
customer="cust-$sku"
order_body="{\"customerId\":\"$customer\",\"tier\":\"gold\",\"notificationContact\":{\"email\":\"ada@example.com\"},\"lines\":[{\"sku\":\"$sku\",\"quantity\":3,\"unitPrice\":49.90}],\"currency\":\"EUR\",\"acceptPreSaleTerms\":true}"
printf 'POST /api/orders  (Idempotency-Key: %s)\n' "$key"
response=$(curl -sS -X POST -H "x-functions-key: $KEY" -H 'Content-Type: application/json' -H "Idempotency-Key: $key" --data "$order_body" "$BASE/api/orders")
echo "$response"
order_id=$(echo "$response" | sed -n 's/.*"orderId":"\([^"]*\)".*/\1/p')

step "The same request again: the same answer, nothing reserved twice"
curl -sS -X POST -H "x-functions-key: $KEY" -H 'Content-Type: application/json' -H "Idempotency-Key: $key" --data "$order_body" -o /dev/null -w '-> HTTP %{http_code}\n' "$BASE/api/orders"

step "9 units can be sold (4 inbound + a cap of 5): two more orders of 3 fit (promised from the cap), a fourth is refused (409) with what is left"
for i in 2 3 4; do
  curl -sS -X POST -H "x-functions-key: $KEY" -H 'Content-Type: application/json' -H "Idempotency-Key: $key-$i" \
    --data "${order_body/$customer/$customer-$i}" -w '\n-> HTTP %{http_code}\n' "$BASE/api/orders"
done

step "The ledger: on hand, inbound, cap, reserved, available"
call GET "/api/skus/$sku/supply"

step "The supplier signs an ETA slip of 10 days (Presale-Signature: HMAC-SHA256 over \"timestamp.body\")"
slipped=$(date -u -d '+31 days' +%F)
eta_body="{\"eventId\":\"evt-$sku-1\",\"supplierTimestamp\":\"$(date -u +%FT%TZ)\",\"lotId\":\"$lot\",\"newEta\":\"$slipped\",\"reason\":\"port congestion\"}"
t=$(date +%s)
signature=$(printf '%s.%s' "$t" "$eta_body" | openssl dgst -sha256 -hmac "$secret" -hex | sed 's/^.* //')
printf 'POST /api/suppliers/%s/eta-updates  %s\n' "$supplier" "$eta_body"
curl -sS -X POST -H 'Content-Type: application/json' -H "Presale-Signature: t=$t,v1=$signature" --data "$eta_body" \
  -w '\n-> HTTP %{http_code}\n' "$BASE/api/suppliers/$supplier/eta-updates"
echo "The same event again is acknowledged as a duplicate and changes nothing:"
curl -sS -X POST -H 'Content-Type: application/json' -H "Presale-Signature: t=$t,v1=$signature" --data "$eta_body" \
  -w '\n-> HTTP %{http_code}\n' "$BASE/api/suppliers/$supplier/eta-updates"

step "Reconciliation runs from the queue: the order pegged to the lot is re-planned and its customer told"
for i in $(seq 1 30); do
  feed=$(curl -sS -H "x-functions-key: $KEY" "$BASE/api/customers/$customer/notifications")
  case "$feed" in *'"delayed"'*|*'"atRisk"'*|*'"Delayed"'*|*'"AtRisk"'*) break ;; esac
  sleep 1
done
echo "GET /api/customers/$customer/notifications"
echo "$feed"
call GET "/api/suppliers/$supplier/lots"

if [ -n "$order_id" ]; then
  step "Read the order, then cancel it: the reservation is released at once and the refund due recorded"
  call GET "/api/orders/$order_id"
  call POST "/api/orders/$order_id/cancel" '{"reason":"changed my mind"}'
fi

step "OpenAPI document of every route: $BASE/openapi/v1.json"
