#include "time/WatermarkGenerator.h"

namespace sw::runtime {

void WatermarkAligner::reset(std::size_t channels)
{
    m_ch.assign(channels, Ch{});
    m_current = kMinWatermark;
}

bool WatermarkAligner::recompute()
{
    EventTime m = kMaxWatermark;
    bool any = false;
    for (const Ch& c : m_ch) {
        if (c.ended || c.idle) continue;
        any = true;
        if (c.w < m) m = c.w;
    }
    if (!any) {
        // All ended: the inputs are complete. All idle: hold (Flink does not advance on idleness
        // alone beyond the max of the idle channels' watermarks).
        bool allEnded = true;
        EventTime mx = kMinWatermark;
        for (const Ch& c : m_ch) {
            if (!c.ended) allEnded = false;
            if (c.w > mx) mx = c.w;
        }
        m = allEnded ? kMaxWatermark : mx;
    }
    if (m > m_current) {
        m_current = m;
        return true;
    }
    return false;
}

bool WatermarkAligner::onWatermark(std::size_t channel, EventTime w)
{
    Ch& c = m_ch[channel];
    if (w > c.w) c.w = w;
    c.idle = false;
    return recompute();
}

bool WatermarkAligner::onIdle(std::size_t channel)
{
    m_ch[channel].idle = true;
    return recompute();
}

bool WatermarkAligner::onActive(std::size_t channel)
{
    m_ch[channel].idle = false;
    return false;
}

bool WatermarkAligner::onEnd(std::size_t channel)
{
    m_ch[channel].ended = true;
    return recompute();
}

bool WatermarkAligner::allIdle() const
{
    bool anyIdle = false;
    for (const Ch& c : m_ch) {
        if (c.ended) continue;
        if (!c.idle) return false;
        anyIdle = true;
    }
    return anyIdle;
}

std::vector<EventTime> WatermarkAligner::channelWatermarks() const
{
    std::vector<EventTime> out;
    out.reserve(m_ch.size());
    for (const Ch& c : m_ch)
        out.push_back(c.w);
    return out;
}

void WatermarkAligner::restore(const std::vector<EventTime>& channels, EventTime current)
{
    if (channels.size() == m_ch.size())
        for (std::size_t i = 0; i < channels.size(); ++i)
            m_ch[i].w = channels[i];
    if (current > m_current) m_current = current;
}

} // namespace sw::runtime
