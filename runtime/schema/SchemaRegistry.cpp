#include "schema/SchemaRegistry.h"

#include <chrono>
#include <climits>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace sw::runtime::schema {
namespace {

using J = nlohmann::json;
constexpr const char* kContentType = "application/vnd.schemaregistry.v1+json";

/// httplib's request workers as std::jthreads (the runtime's thread rule).
class JthreadPool : public httplib::TaskQueue {
public:
    explicit JthreadPool(int n)
    {
        for (int i = 0; i < n; ++i)
            m_threads.emplace_back([this](std::stop_token stop) { work(stop); });
    }
    void enqueue(std::function<void()> fn) override
    {
        {
            std::lock_guard lock(m_mutex);
            m_jobs.push_back(std::move(fn));
        }
        m_cv.notify_one();
    }
    void shutdown() override
    {
        for (auto& t : m_threads)
            t.request_stop();
        m_cv.notify_all();
        m_threads.clear(); // joins
    }

private:
    void work(std::stop_token stop)
    {
        while (true) {
            std::function<void()> job;
            {
                std::unique_lock lock(m_mutex);
                m_cv.wait(lock, stop, [&] { return !m_jobs.empty(); });
                if (m_jobs.empty()) return; // stopped and drained
                job = std::move(m_jobs.front());
                m_jobs.pop_front();
            }
            job();
        }
    }
    std::mutex m_mutex;
    std::condition_variable_any m_cv;
    std::deque<std::function<void()>> m_jobs;
    std::vector<std::jthread> m_threads;
};

void reply(httplib::Response& res, int status, const J& body)
{
    res.status = status;
    res.set_content(body.dump(), kContentType);
}

void replyError(httplib::Response& res, const RegistryError& e)
{
    reply(res, e.httpStatus, J{{"error_code", e.errorCode}, {"message", e.message}});
}

template <typename T, typename F>
void answer(httplib::Response& res, const RegistryResult<T>& r, F&& toJson)
{
    if (!r.ok())
        replyError(res, r.error);
    else
        reply(res, 200, toJson(*r.value));
}

/// The {"schema": ..., "schemaType": ...} of a request body, or a 42201/400 error.
RegistryResult<SchemaText> schemaOf(const httplib::Request& req)
{
    J body = J::parse(req.body, nullptr, false);
    if (body.is_discarded() || !body.is_object())
        return RegistryError{400, 400, "The request body is not a JSON object"};
    auto s = body.find("schema");
    if (s == body.end() || !s->is_string())
        return RegistryError{422, 42201, "Invalid schema: the request has no 'schema' string"};
    if (auto refs = body.find("references");
        refs != body.end() && refs->is_array() && !refs->empty())
        return RegistryError{422, 42201, "Invalid schema: schema references are not supported"};
    SchemaText t;
    t.schema = s->get<std::string>();
    if (auto type = body.find("schemaType"); type != body.end() && type->is_string())
        t.schemaType = type->get<std::string>();
    return t;
}

J versionJson(const SchemaVersion& v)
{
    J j = {{"subject", v.subject}, {"version", v.version}, {"id", v.id}, {"schema", v.schema}};
    if (v.schemaType != "AVRO") j["schemaType"] = v.schemaType;
    return j;
}

bool flag(const httplib::Request& req, const char* name)
{
    return req.has_param(name) && req.get_param_value(name) == "true";
}

void routeSubjects(httplib::Server& s, SchemaStore& st)
{
    s.Get("/subjects", [&st](const httplib::Request&, httplib::Response& res) {
        reply(res, 200, st.subjects());
    });
    s.Get(R"(/subjects/([^/]+)/versions)", [&st](const httplib::Request& q, httplib::Response& r) {
        answer(r, st.versions(q.matches[1]), [](const auto& v) { return J(v); });
    });
    s.Post(R"(/subjects/([^/]+)/versions)", [&st](const httplib::Request& q, httplib::Response& r) {
        auto t = schemaOf(q);
        if (!t.ok()) return replyError(r, t.error);
        answer(r, st.registerSchema(q.matches[1], *t.value), [](int id) { return J{{"id", id}}; });
    });
    s.Get(R"(/subjects/([^/]+)/versions/([^/]+))",
          [&st](const httplib::Request& q, httplib::Response& r) {
              answer(r, st.version(q.matches[1], q.matches[2]), versionJson);
          });
    s.Get(R"(/subjects/([^/]+)/versions/([^/]+)/schema)",
          [&st](const httplib::Request& q, httplib::Response& r) {
              auto v = st.version(q.matches[1], q.matches[2]);
              if (!v.ok()) return replyError(r, v.error);
              r.set_content(v.value->schema, kContentType);
          });
    s.Post(R"(/subjects/([^/]+))", [&st](const httplib::Request& q, httplib::Response& r) {
        auto t = schemaOf(q);
        if (!t.ok()) return replyError(r, t.error);
        answer(r, st.lookup(q.matches[1], *t.value), versionJson);
    });
    s.Delete(R"(/subjects/([^/]+))", [&st](const httplib::Request& q, httplib::Response& r) {
        answer(r, st.deleteSubject(q.matches[1], flag(q, "permanent")),
               [](const auto& v) { return J(v); });
    });
    s.Delete(R"(/subjects/([^/]+)/versions/([^/]+))",
             [&st](const httplib::Request& q, httplib::Response& r) {
                 answer(r, st.deleteVersion(q.matches[1], q.matches[2], flag(q, "permanent")),
                        [](int v) { return J(v); });
             });
}

void routeSchemasAndConfig(httplib::Server& s, SchemaStore& st)
{
    s.Get(R"(/schemas/ids/(\d+))", [&st](const httplib::Request& q, httplib::Response& r) {
        const long id = std::strtol(q.matches[1].str().c_str(), nullptr, 10);
        answer(r, st.schemaById(static_cast<int>(std::min<long>(id, INT32_MAX))),
               [](const SchemaText& t) {
                   J j = {{"schema", t.schema}};
                   if (t.schemaType != "AVRO") j["schemaType"] = t.schemaType;
                   return j;
               });
    });
    s.Get("/schemas/types", [](const httplib::Request&, httplib::Response& r) {
        reply(r, 200, J::array({"AVRO", "PROTOBUF"}));
    });
    auto getConfig = [&st](const httplib::Request& q, httplib::Response& r) {
        const std::string subject = q.matches.size() > 1 ? q.matches[1].str() : "";
        answer(r, st.config(subject, flag(q, "defaultToGlobal")), [](const std::string& l) {
            return J{{"compatibilityLevel", l}};
        });
    };
    auto putConfig = [&st](const httplib::Request& q, httplib::Response& r) {
        J body = J::parse(q.body, nullptr, false);
        if (!body.is_object() || !body.contains("compatibility") ||
            !body["compatibility"].is_string())
            return replyError(r, {422, 42203,
                                  "Invalid compatibility level: the request has no "
                                  "'compatibility' string"});
        const std::string subject = q.matches.size() > 1 ? q.matches[1].str() : "";
        answer(r, st.setConfig(subject, body["compatibility"].get<std::string>()),
               [](const std::string& l) {
                   return J{{"compatibility", l}};
               });
    };
    s.Get("/config", getConfig);
    s.Put("/config", putConfig);
    s.Get(R"(/config/([^/]+))", getConfig);
    s.Put(R"(/config/([^/]+))", putConfig);
    s.Delete(R"(/config/([^/]+))", [&st](const httplib::Request& q, httplib::Response& r) {
        answer(r, st.deleteConfig(q.matches[1]), [](const std::string& l) {
            return J{{"compatibilityLevel", l}};
        });
    });
    s.Post(R"(/compatibility/subjects/([^/]+)/versions/([^/]+))",
           [&st](const httplib::Request& q, httplib::Response& r) {
               auto t = schemaOf(q);
               if (!t.ok()) return replyError(r, t.error);
               const bool verbose = flag(q, "verbose");
               answer(r, st.testCompatibility(q.matches[1], q.matches[2], *t.value),
                      [verbose](const CompatibilityResult& c) {
                          J j = {{"is_compatible", c.compatible}};
                          if (verbose) j["messages"] = c.messages;
                          return j;
                      });
           });
}

} // namespace

struct SchemaRegistry::Server {
    httplib::Server http;
};

Result<std::unique_ptr<SchemaRegistry>> SchemaRegistry::start(const std::string& storePath,
                                                              int port)
{
    auto store = SchemaStore::open(storePath);
    if (!store) return makeError("schema registry: " + store.error().message);
    std::unique_ptr<SchemaRegistry> reg(new SchemaRegistry());
    reg->m_store = std::move(*store);
    reg->m_server = std::make_unique<Server>();
    httplib::Server& http = reg->m_server->http;
    http.new_task_queue = [] { return new JthreadPool(4); };
    // An idle keep-alive connection holds a worker this long, and stop() waits for it.
    http.set_keep_alive_timeout(1);
    routeSubjects(http, *reg->m_store);
    routeSchemasAndConfig(http, *reg->m_store);
    http.set_exception_handler(
        [](const httplib::Request&, httplib::Response& r, std::exception_ptr) {
            replyError(r, {500, 50001, "internal error"});
        });
    http.set_error_handler([](const httplib::Request& q, httplib::Response& r) {
        if (r.body.empty())
            replyError(r, {r.status, r.status,
                           "HTTP " + std::to_string(r.status) + " " + q.method + " " + q.path});
    });
    reg->m_port = port == 0 ? http.bind_to_any_port("127.0.0.1")
                            : (http.bind_to_port("127.0.0.1", port) ? port : -1);
    if (reg->m_port <= 0)
        return makeError("schema registry: cannot listen on 127.0.0.1:" + std::to_string(port));
    reg->m_url = "http://127.0.0.1:" + std::to_string(reg->m_port);
    reg->m_listener = std::jthread([&http](std::stop_token) { http.listen_after_bind(); });
    // stop() must not run before the listener loop started (it would miss it): wait for it.
    while (!http.is_running())
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return reg;
}

void SchemaRegistry::stop()
{
    if (m_server) m_server->http.stop();
    if (m_listener.joinable()) m_listener.join();
}

SchemaRegistry::~SchemaRegistry()
{
    stop();
}

namespace {

struct SharedRegistry {
    std::mutex mutex;
    std::weak_ptr<SchemaRegistry> current;
};

SharedRegistry& sharedRegistry()
{
    static SharedRegistry s;
    return s;
}

} // namespace

Result<std::shared_ptr<SchemaRegistry>> SchemaRegistry::shared(const std::string& dataDirectory)
{
    SharedRegistry& g = sharedRegistry();
    std::lock_guard lock(g.mutex);
    if (auto r = g.current.lock()) return r;
    const std::string path =
        dataDirectory.empty() ? "" : (std::filesystem::path(dataDirectory) / kStoreFile).string();
    auto r = start(path);
    if (!r) return r.error();
    std::shared_ptr<SchemaRegistry> s(std::move(*r));
    g.current = s;
    return s;
}

std::shared_ptr<SchemaRegistry> SchemaRegistry::sharedIfRunning()
{
    SharedRegistry& g = sharedRegistry();
    std::lock_guard lock(g.mutex);
    return g.current.lock();
}

} // namespace sw::runtime::schema
