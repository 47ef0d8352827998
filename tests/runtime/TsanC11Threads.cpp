// Only under ThreadSanitizer (preset `tsan`): librdkafka creates its threads and locks with C11
// <threads.h> (thrd_create, mtx_lock, cnd_wait), which glibc implements by calling its pthread
// internals directly, past TSan's pthread interceptors. TSan then does not know librdkafka's
// threads (the embedded broker's mock thread crashes in TSan's allocator the first time it
// allocates, e.g. when a test creates a topic) and does not see its locks. Defining the C11
// functions here (an executable's definitions take precedence over libc's for the shared
// libraries it links) routes them through the intercepted pthread functions, so Kafka tests can
// run under TSan with every lock visible. glibc's C11 types are its pthread types.
#if defined(__SANITIZE_THREAD__)

#include <cerrno>
#include <cstdint>
#include <ctime>
#include <pthread.h>
#include <threads.h>

namespace {

struct Start {
    thrd_start_t func;
    void* arg;
};

void* trampoline(void* p)
{
    Start s = *static_cast<Start*>(p);
    delete static_cast<Start*>(p);
    return reinterpret_cast<void*>(static_cast<std::intptr_t>(s.func(s.arg)));
}

int c11(int rc)
{
    if (rc == 0) return thrd_success;
    if (rc == ETIMEDOUT) return thrd_timedout;
    if (rc == EBUSY) return thrd_busy;
    if (rc == ENOMEM) return thrd_nomem;
    return thrd_error;
}

pthread_mutex_t* pm(mtx_t* m)
{
    return reinterpret_cast<pthread_mutex_t*>(m);
}
pthread_cond_t* pc(cnd_t* c)
{
    return reinterpret_cast<pthread_cond_t*>(c);
}

} // namespace

static_assert(sizeof(mtx_t) == sizeof(pthread_mutex_t) && sizeof(cnd_t) == sizeof(pthread_cond_t) &&
              sizeof(thrd_t) == sizeof(pthread_t) && sizeof(once_flag) == sizeof(pthread_once_t));

extern "C" {

int thrd_create(thrd_t* thr, thrd_start_t func, void* arg)
{
    auto* s = new Start{func, arg};
    pthread_t t;
    int rc = pthread_create(&t, nullptr, trampoline, s);
    if (rc != 0) {
        delete s;
        return c11(rc);
    }
    *thr = t;
    return thrd_success;
}

int thrd_join(thrd_t thr, int* res)
{
    void* r = nullptr;
    int rc = pthread_join(thr, &r);
    if (rc == 0 && res) *res = static_cast<int>(reinterpret_cast<std::intptr_t>(r));
    return c11(rc);
}

int thrd_detach(thrd_t thr)
{
    return c11(pthread_detach(thr));
}

int mtx_init(mtx_t* m, int type)
{
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    if (type & mtx_recursive) pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
    int rc = pthread_mutex_init(pm(m), &a);
    pthread_mutexattr_destroy(&a);
    return c11(rc);
}

int mtx_lock(mtx_t* m)
{
    return c11(pthread_mutex_lock(pm(m)));
}
int mtx_trylock(mtx_t* m)
{
    return c11(pthread_mutex_trylock(pm(m)));
}
int mtx_timedlock(mtx_t* __restrict m, const struct timespec* __restrict t)
{
    return c11(pthread_mutex_timedlock(pm(m), t));
}
int mtx_unlock(mtx_t* m)
{
    return c11(pthread_mutex_unlock(pm(m)));
}
void mtx_destroy(mtx_t* m)
{
    pthread_mutex_destroy(pm(m));
}

int cnd_init(cnd_t* c)
{
    return c11(pthread_cond_init(pc(c), nullptr));
}
int cnd_signal(cnd_t* c)
{
    return c11(pthread_cond_signal(pc(c)));
}
int cnd_broadcast(cnd_t* c)
{
    return c11(pthread_cond_broadcast(pc(c)));
}
int cnd_wait(cnd_t* c, mtx_t* m)
{
    return c11(pthread_cond_wait(pc(c), pm(m)));
}
int cnd_timedwait(cnd_t* __restrict c, mtx_t* __restrict m, const struct timespec* __restrict t)
{
    return c11(pthread_cond_timedwait(pc(c), pm(m), t));
}
void cnd_destroy(cnd_t* c)
{
    pthread_cond_destroy(pc(c));
}

void call_once(once_flag* flag, void (*func)(void))
{
    pthread_once(reinterpret_cast<pthread_once_t*>(flag), func);
}

} // extern "C"

#endif
