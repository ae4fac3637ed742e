#pragma once

#include <QDockWidget>

namespace deepart {

class RunQueue;

// The window's Queue dock: the queue's panel, hidden until a job is queued, and shown again
// whenever one is (the user may have closed it). GUI thread only.
class QueueDock : public QDockWidget {
    Q_OBJECT
public:
    QueueDock(RunQueue* queue, QWidget* parent = nullptr);
};

} // namespace deepart
