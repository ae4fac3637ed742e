#pragma once

#include <QObject>

#include <functional>

class QSocketNotifier;

namespace deepart {

// SIGTERM and SIGINT delivered to the event loop (the self-pipe pattern): the handler only
// writes a byte to a pipe, which is async-signal-safe; a QSocketNotifier reads it on the GUI
// thread, where the window can close as its close button does. A second signal, while the first
// is being handled, ends the process at once. One instance per process; the handlers are
// restored to the defaults when it is destroyed.
class TerminationSignals : public QObject {
    Q_OBJECT
public:
    explicit TerminationSignals(QObject* parent = nullptr);
    ~TerminationSignals() override;

    // Called on the GUI thread for the first signal.
    void onReceived(std::function<void()> handler) { handler_ = std::move(handler); }
    bool received() const { return received_; }

private:
    void readSignal();

    QSocketNotifier* notifier_ = nullptr;
    std::function<void()> handler_;
    bool received_ = false;
};

} // namespace deepart
