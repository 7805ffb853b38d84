-- learnchat.lua: a Wireshark dissector for learnchat's three demo chats.
--
-- It labels every byte of a learnchat (or original Python) chat on TCP port 5002:
--   demo 1  plaintext: each segment's payload is the text (demo 1 has no framing);
--   demo 2  frames of a 4-byte big-endian length and a body: the server's RSA public key as
--           PEM, the client's 256-byte RSA-OAEP wrapped session key, then messages of
--           nonce (12) || AES-256-GCM ciphertext || tag (16);
--   demo 3  the same framing: ClientHello (client ephemeral X25519 key, 32), ServerHello
--           (identity Ed25519 key 32 || server ephemeral X25519 key 32 || Ed25519 signature 64),
--           then messages of ciphertext || tag (16), the nonce counted, not sent.
-- Frames split across TCP segments are reassembled; several frames in one segment are each
-- shown. Byte layouts: shared/protocol.md (demos 1 and 2) and docs/demo-3-protocol.md.
--
-- Install (Wireshark and tshark then load it at start):
--   mkdir -p ~/.local/lib/wireshark/plugins
--   cp contrib/wireshark/learnchat.lua ~/.local/lib/wireshark/plugins/
-- Or use it once, without installing:
--   tshark -X lua_script:contrib/wireshark/learnchat.lua -r chat.pcapng
--   wireshark -X lua_script:contrib/wireshark/learnchat.lua chat.pcapng
-- Another port: Preferences > Protocols > LEARNCHAT > TCP port, or "Decode As..." > TCP port >
-- LEARNCHAT (tshark: -d tcp.port==6000,learnchat).
--
-- Which demo: the preference "Demo" (auto, 1, 2 or 3; tshark: -o learnchat.demo:2). On auto the
-- dissector guesses once per TCP conversation, from the first payload bytes of either side:
--   * a 4-byte length of 32 (00 00 00 20): a demo 3 ClientHello, so demo 3;
--   * a plausible length (at most the "Largest frame" preference, 1 MiB by default, like
--     learnchat's receiver) followed by "-----BEGIN PUBLIC KEY-----": demo 2's first server frame;
--   * anything else whose first 4 bytes do not read as a plausible length ("hell" would announce
--     1.7 GB), or fewer than 4 bytes not starting with a zero byte: text, so demo 1;
--   * a plausible length followed by something else: framed, demo unknown (lengths and bodies
--     shown; set the preference to label the fields).
-- The server is the end on the dissector's port; if both ends (or neither) are on it, the
-- protocol decides: in demo 2 the server speaks first, in demo 3 the client.
--
-- Filterable fields: learnchat.demo, learnchat.direction, learnchat.kind, learnchat.text,
-- learnchat.length, learnchat.body, learnchat.pem, learnchat.wrapped_key, learnchat.nonce,
-- learnchat.ciphertext, learnchat.tag, learnchat.client_ephemeral, learnchat.identity_key,
-- learnchat.server_ephemeral, learnchat.signature, learnchat.sequence.

local learnchat = Proto("learnchat", "learnchat demo chat")

local DEMO_NAMES = {
  [0] = "framed, demo unknown",
  [1] = "demo 1: plaintext",
  [2] = "demo 2: RSA-OAEP handshake, AES-256-GCM messages",
  [3] = "demo 3: signed X25519 handshake, counted AES-256-GCM messages",
}

local KIND = {
  text = 1, pem = 2, wrapped_key = 3, message = 4, client_hello = 5, server_hello = 6, frame = 7,
  unframed = 8,
}
local KIND_NAMES = {
  [1] = "Text", [2] = "Public key (PEM)", [3] = "Wrapped session key", [4] = "Message",
  [5] = "ClientHello", [6] = "ServerHello", [7] = "Frame", [8] = "Unframed data",
}

local PEM_HEADER = "-----BEGIN PUBLIC KEY-----"
local NONCE_SIZE = 12
local TAG_SIZE = 16

local f = {
  demo = ProtoField.uint8("learnchat.demo", "Demo", base.DEC, DEMO_NAMES),
  direction = ProtoField.string("learnchat.direction", "Direction"),
  kind = ProtoField.uint8("learnchat.kind", "Frame type", base.DEC, KIND_NAMES),
  text = ProtoField.string("learnchat.text", "Text"),
  length = ProtoField.uint32("learnchat.length", "Length", base.DEC),
  body = ProtoField.bytes("learnchat.body", "Body"),
  pem = ProtoField.string("learnchat.pem", "Public key (PEM, SubjectPublicKeyInfo)"),
  wrapped_key = ProtoField.bytes("learnchat.wrapped_key",
    "Wrapped session key (RSA-OAEP, SHA-256)"),
  nonce = ProtoField.bytes("learnchat.nonce", "Nonce"),
  ciphertext = ProtoField.bytes("learnchat.ciphertext", "Ciphertext (AES-256-GCM)"),
  tag = ProtoField.bytes("learnchat.tag", "Tag (GCM)"),
  client_ephemeral = ProtoField.bytes("learnchat.client_ephemeral",
    "Client ephemeral public key (X25519)"),
  identity_key = ProtoField.bytes("learnchat.identity_key", "Server identity key (Ed25519)"),
  server_ephemeral = ProtoField.bytes("learnchat.server_ephemeral",
    "Server ephemeral public key (X25519)"),
  signature = ProtoField.bytes("learnchat.signature", "Signature (Ed25519)"),
  sequence = ProtoField.uint64("learnchat.sequence", "Sequence number"),
}
learnchat.fields = {
  f.demo, f.direction, f.kind, f.text, f.length, f.body, f.pem, f.wrapped_key, f.nonce,
  f.ciphertext, f.tag, f.client_ephemeral, f.identity_key, f.server_ephemeral, f.signature,
  f.sequence,
}

-- Warnings mark what a learnchat receiver would refuse: the frames of lesson 3's attacks.
local e = {
  too_large = ProtoExpert.new("learnchat.too_large", "Length over the largest frame accepted",
    expert.group.PROTOCOL, expert.severity.WARN),
  bad_size = ProtoExpert.new("learnchat.bad_size", "Frame of an unexpected size",
    expert.group.PROTOCOL, expert.severity.WARN),
  guessed = ProtoExpert.new("learnchat.guessed", "How the demo was guessed",
    expert.group.PROTOCOL, expert.severity.CHAT),
}
learnchat.experts = { e.too_large, e.bad_size, e.guessed }

-- Enum entries are { name (what -o takes), description (what the dialog shows), value }.
learnchat.prefs.demo = Pref.enum("Demo", 0, "Which demo the conversations are; auto guesses",
  {
    { "auto", "Auto: guess per conversation", 0 }, { "1", "Demo 1", 1 }, { "2", "Demo 2", 2 },
    { "3", "Demo 3", 3 },
  }, false)
learnchat.prefs.port = Pref.uint("TCP port", 5002, "The port learnchat's chats run on")
learnchat.prefs.max_length = Pref.uint("Largest frame", 1048576,
  "The longest frame body accepted, as learnchat's receiver does (bytes)")

local f_tcp_stream = Field.new("tcp.stream")

-- Per capture file: what each TCP conversation was guessed to be, and what each frame is.
-- Decided on the first, in-order pass (pinfo.visited false) and looked up afterwards, since
-- Wireshark re-dissects packets in any order when one is clicked.
local streams = {}
local frame_roles = {}
-- The packet being dissected: dissect_tcp_pdus calls back synchronously, one packet at a time.
local current = nil

function learnchat.init()
  streams = {}
  frame_roles = {}
end

local function endpoint_key(address, port)
  return tostring(address) .. "|" .. tostring(port)
end

local function stream_state(pinfo)
  local field = f_tcp_stream()
  local id = field and field.value or endpoint_key(pinfo.src, pinfo.src_port) .. ">" ..
    endpoint_key(pinfo.dst, pinfo.dst_port)
  local state = streams[id]
  if state == nil then
    state = { frames = {}, broken_at = {} }
    streams[id] = state
  end
  return state
end

-- The guess described at the top. Returns the demo (0 for framed-unknown) and why, or nil when
-- the bytes so far could still be either (wait for the next segment).
local function guess(tvb)
  local n = tvb:len()
  if n < 4 then
    if tvb(0, 1):uint() == 0 then return nil end
    return 1, "the first bytes are too short for a length prefix and do not start with 00"
  end
  local length = tvb(0, 4):uint()
  if length > learnchat.prefs.max_length then
    return 1, string.format("the first 4 bytes (%s) would announce %d bytes: text, not a length",
      tvb(0, 4):bytes():tohex(), length)
  end
  if length == 32 then
    return 3, "the first frame is 32 bytes: a demo 3 ClientHello (an X25519 key)"
  end
  local seen = math.min(n - 4, #PEM_HEADER)
  if seen > 0 and tvb(4, seen):string() ~= PEM_HEADER:sub(1, seen) then
    return 0, "a plausible length prefix, but not a hello of demo 2 or 3"
  end
  if seen < #PEM_HEADER then return nil end
  return 2, "the first frame is a PEM public key: demo 2's server speaks first"
end

-- "client → server" or "server → client" for this packet, and whether it is from the server.
-- The server is the end on the dissector's port (5002, the preference, or Decode As); when both
-- ends or neither are on it, the protocol says: demo 2's server speaks first, demo 3's client.
local function direction(pinfo, state, demo)
  local port = pinfo.match_uint
  local from_server
  if pinfo.src_port == port and pinfo.dst_port ~= port then
    from_server = true
  elseif pinfo.dst_port == port and pinfo.src_port ~= port then
    from_server = false
  else
    local from_first = endpoint_key(pinfo.src, pinfo.src_port) == state.first_speaker
    from_server = (demo == 2) == from_first
  end
  return from_server and "server → client" or "client → server", from_server
end

-- The guess is explained on the first frame dissected in the conversation, and stays there.
local function take_guess_note(state, role)
  role.guess_note = state.guess_note
  state.guess_note = nil
end

local function add_guess_note(item, role)
  if role.guess_note then item:add_proto_expert_info(e.guessed, role.guess_note) end
end

-- The Info column: "Demo 2 client → server: Message 0 (33 bytes)", then ", ..." for each further
-- frame in the same packet.
local function set_info(text)
  if current.info_count == 0 then
    current.pinfo.cols.protocol:set("learnchat")
    local demo = current.demo == 0 and "Demo ?" or ("Demo " .. current.demo)
    current.pinfo.cols.info:set(demo .. " " .. text)
  else
    current.pinfo.cols.info:append(", " .. text)
  end
  current.info_count = current.info_count + 1
end

local function add_header(tree, tvb, demo, dir_text, kind, title)
  local item = tree:add(learnchat, tvb(), string.format("learnchat %s, %s: %s",
    demo == 0 and "(demo unknown)" or ("demo " .. demo), dir_text, title))
  item:add(f.demo, demo):set_generated()
  item:add(f.direction, dir_text):set_generated()
  item:add(f.kind, kind):set_generated()
  return item
end

local function add_bytes(tree, field, tvb, offset, size)
  if size > 0 then
    return tree:add(field, tvb(offset, size))
  end
  return tree:add(field, tvb(offset > 0 and offset - 1 or 0, 0))
end

-- A message body: demo 2 carries its nonce, demo 3 counts it.
local function dissect_message(tvb, item, demo, sequence)
  local size = tvb:len() - 4
  local nonce_size = demo == 2 and NONCE_SIZE or 0
  if size < nonce_size + TAG_SIZE then
    item:add_proto_expert_info(e.bad_size, string.format(
      "A body of %d bytes is too short for %s a %d-byte tag: the receiver cannot decrypt it",
      size, demo == 2 and "a 12-byte nonce and" or "", TAG_SIZE))
    add_bytes(item, f.body, tvb, 4, size)
    return
  end
  if demo == 2 then
    item:add(f.nonce, tvb(4, NONCE_SIZE))
  else
    item:add(f.sequence, UInt64.new(sequence)):set_generated()
    item:add(tvb(0, 4), string.format(
      "[Nonce: 00000000 || sequence %d as 8 bytes, big-endian (not sent); associated data: "
        .. "the length prefix]", sequence))
  end
  local ciphertext = size - nonce_size - TAG_SIZE
  add_bytes(item, f.ciphertext, tvb, 4 + nonce_size, ciphertext)
  item:add(f.tag, tvb(4 + nonce_size + ciphertext, TAG_SIZE))
end

local function expect_size(item, size, expected, what)
  if size ~= expected then
    item:add_proto_expert_info(e.bad_size, string.format("%s should be %d bytes, not %d", what,
      expected, size))
  end
end

-- One frame: 4-byte length and body, or the rest of the segment after an impossible length.
local function dissect_frame(tvb, pinfo, tree)
  local state, demo = current.state, current.demo
  local dir_key = endpoint_key(pinfo.src, pinfo.src_port)
  current.frame_index = current.frame_index + 1
  local key = pinfo.number .. ":" .. current.frame_index
  local role = frame_roles[key]
  if role == nil then
    role = { index = state.frames[dir_key] or 0 }
    state.frames[dir_key] = role.index + 1
    frame_roles[key] = role
    take_guess_note(state, role)
  end
  local dir_text, from_server = direction(pinfo, state, demo)
  local length = tvb(0, 4):uint()
  local size = tvb:len() - 4

  if length > learnchat.prefs.max_length then
    if not pinfo.visited then state.broken_at[dir_key] = pinfo.number end
    local item = add_header(tree, tvb, demo, dir_text, KIND.frame, "impossible length")
    item:add(f.length, tvb(0, 4)):add_proto_expert_info(e.too_large, string.format(
      "Length %d is over the %d bytes learnchat accepts: its receiver stops here", length,
      learnchat.prefs.max_length))
    add_bytes(item, f.body, tvb, 4, size)
    set_info(string.format("%s: length %d (too large)", dir_text, length))
    return tvb:len()
  end

  local kind, title
  if demo == 2 and role.index == 0 then
    kind = from_server and KIND.pem or KIND.wrapped_key
  elseif demo == 3 and role.index == 0 then
    kind = from_server and KIND.server_hello or KIND.client_hello
  elseif demo == 2 or demo == 3 then
    kind = KIND.message
  else
    kind = KIND.frame
  end
  title = KIND_NAMES[kind]
  if kind == KIND.message then title = string.format("Message %d", role.index - 1) end

  local item = add_header(tree, tvb, demo, dir_text, kind, title)
  item:add(f.length, tvb(0, 4))
  add_guess_note(item, role)

  if kind == KIND.pem then
    item:add_packet_field(f.pem, tvb(4, size), ENC_ASCII)
    if tvb(4, math.min(size, #PEM_HEADER)):string() ~= PEM_HEADER then
      item:add_proto_expert_info(e.bad_size, "The body does not start with " .. PEM_HEADER)
    end
  elseif kind == KIND.wrapped_key then
    add_bytes(item, f.wrapped_key, tvb, 4, size)
    expect_size(item, size, 256, "An RSA-2048 wrapped key")
  elseif kind == KIND.client_hello then
    add_bytes(item, f.client_ephemeral, tvb, 4, size)
    expect_size(item, size, 32, "A ClientHello")
  elseif kind == KIND.server_hello then
    if size == 128 then
      item:add(f.identity_key, tvb(4, 32))
      item:add(f.server_ephemeral, tvb(36, 32))
      item:add(f.signature, tvb(68, 64))
      item:add(tvb(68, 64), "[Signed: \"learnchat demo 3 handshake\" || ClientHello || "
        .. "identity key || server ephemeral key]")
    else
      add_bytes(item, f.body, tvb, 4, size)
      expect_size(item, size, 128, "A ServerHello")
    end
  elseif kind == KIND.message then
    dissect_message(tvb, item, demo, role.index - 1)
  else
    add_bytes(item, f.body, tvb, 4, size)
  end
  set_info(string.format("%s: %s (%d bytes)", dir_text, title, size))
  return tvb:len()
end

-- The frame's whole size for dissect_tcp_pdus; past the limit, just the rest of this segment, so
-- a hostile ff ff ff ff is not waited for (learnchat's receiver does not wait either).
local function frame_length(tvb, pinfo, offset)
  local length = tvb(offset, 4):uint()
  if length > learnchat.prefs.max_length then return tvb:len() - offset end
  return 4 + length
end

-- A peer's text for the Info column: control characters shown as dots (a peer can send escape
-- sequences), and at most 60 bytes, not cut inside a UTF-8 character.
local function column_text(text)
  text = text:gsub("%c", ".")
  if #text <= 60 then return text end
  local cut = 57
  while cut > 0 and text:byte(cut + 1) and text:byte(cut + 1) >= 0x80
    and text:byte(cut + 1) < 0xC0 do
    cut = cut - 1
  end
  return text:sub(1, cut) .. "..."
end

local function dissect_text(tvb, pinfo, tree, state)
  local dir_text = direction(pinfo, state, 1)
  local item = add_header(tree, tvb, 1, dir_text, KIND.text, "Text")
  item:add_packet_field(f.text, tvb(), ENC_UTF_8)
  local key = pinfo.number .. ":text"
  local role = frame_roles[key]
  if role == nil then
    role = {}
    frame_roles[key] = role
    take_guess_note(state, role)
  end
  add_guess_note(item, role)
  set_info(string.format("%s: \"%s\"", dir_text, column_text(tvb():string(ENC_UTF_8))))
  return tvb:len()
end

local function dissect_unframed(tvb, pinfo, tree, state, demo)
  local dir_text = direction(pinfo, state, demo)
  local item = add_header(tree, tvb, demo, dir_text, KIND.unframed,
    "after an impossible length")
  item:add(f.body, tvb())
  set_info(string.format("%s: %d bytes after an impossible length", dir_text, tvb:len()))
  return tvb:len()
end

function learnchat.dissector(tvb, pinfo, tree)
  if tvb:len() == 0 then return 0 end
  local state = stream_state(pinfo)
  current = { state = state, pinfo = pinfo, info_count = 0, frame_index = 0 }

  local preferred = learnchat.prefs.demo
  if state.guessed == nil then
    local demo, why = preferred, nil
    if preferred == 0 then
      demo, why = guess(tvb)
      if demo == nil then
        -- Not enough bytes to tell yet: have TCP hand us this segment again with the next one.
        pinfo.desegment_offset = 0
        pinfo.desegment_len = DESEGMENT_ONE_MORE_SEGMENT
        return tvb:len()
      end
      state.guess_note = string.format("Guessed %s: %s", DEMO_NAMES[demo], why)
    end
    state.guessed = demo
    state.first_speaker = endpoint_key(pinfo.src, pinfo.src_port)
  end
  local demo = preferred ~= 0 and preferred or state.guessed
  current.demo = demo

  local broken = state.broken_at[endpoint_key(pinfo.src, pinfo.src_port)]
  if broken and pinfo.number > broken then
    return dissect_unframed(tvb, pinfo, tree, state, demo)
  end
  if demo == 1 then
    return dissect_text(tvb, pinfo, tree, state)
  end
  dissect_tcp_pdus(tvb, tree, 4, frame_length, dissect_frame, true)
  return tvb:len()
end

local registered_port = nil
local function register_port()
  local table = DissectorTable.get("tcp.port")
  if registered_port then table:remove(registered_port, learnchat) end
  registered_port = learnchat.prefs.port
  table:add(registered_port, learnchat)
end

function learnchat.prefs_changed()
  if learnchat.prefs.port ~= registered_port then register_port() end
end

register_port()
