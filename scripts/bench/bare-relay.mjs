// The baseline: a bare socket.io server that relays each post to the room, with no database,
// no validation and no auth; and each stroke or presence update to the rest of the room, as the
// ephemeral signals go. Prints its port on stdout.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http, { path: '/socket.io', serveClient: false });
io.on('connection', (socket) => {
  socket.on('join', (room, ack) => {
    socket.join(room);
    ack({ ok: true });
  });
  socket.on('post', (message, ack) => {
    io.to(message.room).emit('posted', message);
    ack({ ok: true });
  });
  socket.on('draw:stroke', (message) => socket.to(message.room).emit('draw:stroke', message));
  socket.on('presence:update', (message) => socket.to(message.room).emit('presence:changed', message));
});
http.listen(0, '127.0.0.1', () => process.stdout.write(`${http.address().port}\n`));
process.on('SIGTERM', () => process.exit(0));
