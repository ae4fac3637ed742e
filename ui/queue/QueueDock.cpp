#include "QueueDock.h"

#include "QueuePanel.h"
#include "RunQueue.h"

#include <QAction>

namespace deepart {

QueueDock::QueueDock(RunQueue* queue, QWidget* parent) : QDockWidget(tr("Queue"), parent) {
    setObjectName(QStringLiteral("queueDock"));
    setWidget(new QueuePanel(queue, this));
    toggleViewAction()->setText(tr("Queue"));
    hide();
    connect(queue, &RunQueue::rowsInserted, this, &QueueDock::show);
}

} // namespace deepart
