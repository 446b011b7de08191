-- The mutation mix of `tools/bench http`, a wrk script. tools/bench.d/http prepends a config
-- block that sets `token` (a JWT), `bodies` (the createForm body, and for each later step the
-- JSON text before and after the BSD id) and `pacing_ms` (0 at full speed, else the mean pause
-- of each connection between two requests).
--
-- Each BSD goes through four durable mutations, each on its own: createForm, markAsSealed,
-- signEmissionForm, signTransportForm. wrk runs one Lua state per thread, and a response is not
-- tied to a connection here, so each thread keeps one queue of BSD ids per step: an answer
-- pushes its BSD id into the queue of the next step, and the next request takes the most
-- advanced step that has an id waiting, else creates a BSD. A step therefore never starves:
-- with nothing waiting the connection creates, and every BSD in flight belongs to one request.
--
-- In `done`, the main state prints, for tools/bench.d/http to read:
--   mix <created> <sealed> <signedEmission> <signedTransport>   (successful answers)
--   graphql-errors <count>                                      (bodies with "errors" or no id)
--   errors-by-field <createForm> <markAsSealed> <signEmissionForm> <signTransportForm>
--   sample-error <one such body>                                (when the count is not 0)

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

-- The step after each root field, and the queue each step takes its ids from.
local next_step = {
    createForm = "markAsSealed",
    markAsSealed = "signEmissionForm",
    signEmissionForm = "signTransportForm",
}
local preference = { "signTransportForm", "signEmissionForm", "markAsSealed" }

-- Per-thread state (each wrk thread has its own copy of these globals).
waiting = { markAsSealed = {}, signEmissionForm = {}, signTransportForm = {} }
created, sealed, signed_emission, signed_transport = 0, 0, 0, 0
graphql_errors = 0
errors_by_field = { createForm = 0, markAsSealed = 0, signEmissionForm = 0,
    signTransportForm = 0 }
sample_error = ""

local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
end

-- Uniform between half and one and a half of the mean pause, so that the connections do not
-- fire in lock step (which would turn the paced run into bursts of 64 requests).
-- Defined only when paced: wrk goes through a timer for every request once `delay` exists.
if pacing_ms > 0 then
    function delay()
        return math.floor(pacing_ms * (0.5 + math.random()))
    end
end

function request()
    for _, step in ipairs(preference) do
        local queue = waiting[step]
        local id = table.remove(queue)
        if id then
            return wrk.format(nil, nil, nil, bodies[step][1] .. id .. bodies[step][2])
        end
    end
    return wrk.format(nil, nil, nil, bodies.createForm)
end

local function count(field)
    if field == "createForm" then created = created + 1
    elseif field == "markAsSealed" then sealed = sealed + 1
    elseif field == "signEmissionForm" then signed_emission = signed_emission + 1
    elseif field == "signTransportForm" then signed_transport = signed_transport + 1
    end
end

function response(status, headers, body)
    local field, id = string.match(body, '"data":%s*{%s*"(%w+)":%s*{%s*"id":%s*"([^"]+)"')
    if status ~= 200 or not field or string.find(body, '"errors"', 1, true) then
        graphql_errors = graphql_errors + 1
        local failed = string.match(body, '"path":%s*%[%s*"(%w+)"')
        if errors_by_field[failed] then errors_by_field[failed] = errors_by_field[failed] + 1 end
        if sample_error == "" then sample_error = status .. " " .. string.sub(body, 1, 600) end
        return
    end
    count(field)
    local step = next_step[field]
    if step then table.insert(waiting[step], id) end
end

function done(summary, latency, requests)
    local totals = { 0, 0, 0, 0 }
    local errors, sample = 0, ""
    local by_field = { 0, 0, 0, 0 }
    local fields = { "createForm", "markAsSealed", "signEmissionForm", "signTransportForm" }
    for _, thread in ipairs(threads) do
        totals[1] = totals[1] + thread:get("created")
        totals[2] = totals[2] + thread:get("sealed")
        totals[3] = totals[3] + thread:get("signed_emission")
        totals[4] = totals[4] + thread:get("signed_transport")
        errors = errors + thread:get("graphql_errors")
        if sample == "" then sample = thread:get("sample_error") end
        local theirs = thread:get("errors_by_field")
        for index, field in ipairs(fields) do
            by_field[index] = by_field[index] + theirs[field]
        end
    end
    io.write(string.format("mix %d %d %d %d\n", totals[1], totals[2], totals[3], totals[4]))
    io.write(string.format("graphql-errors %d\n", errors))
    io.write(string.format("errors-by-field %d %d %d %d\n", by_field[1], by_field[2],
        by_field[3], by_field[4]))
    if errors > 0 then io.write("sample-error " .. sample:gsub("\n", " ") .. "\n") end
end
